using System.Diagnostics.CodeAnalysis;

namespace Pyfleet.Core.Releases.Internal;

/// <summary>
/// A compact PEP 440 specifier set for Requires-Python gates and pin detection. STAND-IN for
/// <c>Pyfleet.Packaging.SpecifierSet</c> until that implementation is merged (see <see cref="PyVersion"/>).
/// Clause semantics: https://packaging.python.org/en/latest/specifications/version-specifiers/#version-specifiers
/// </summary>
internal sealed class PySpecifierSet
{
    private static readonly string[] _operators = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"];

    private readonly List<(string Op, string Text, PyVersion? Version, bool Wildcard)> _clauses;

    private PySpecifierSet(List<(string, string, PyVersion?, bool)> clauses) => _clauses = clauses;

    public int Count => _clauses.Count;

    /// <summary>One <c>==V</c> (no wildcard) or <c>===V</c> clause.</summary>
    public bool IsPinned => _clauses.Count == 1 && _clauses[0] is { Op: "==", Wildcard: false } or { Op: "===" };

    /// <summary>The version text of the pin when <see cref="IsPinned"/>.</summary>
    public string? PinnedVersion => IsPinned ? _clauses[0].Text : null;

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PySpecifierSet? set)
    {
        set = null;
        if (text is null)
        {
            return false;
        }

        var clauses = new List<(string, string, PyVersion?, bool)>();
        foreach (var raw in text.Split(','))
        {
            var clause = raw.Trim();
            if (clause.Length == 0)
            {
                if (text.Trim().Length == 0)
                {
                    continue;
                }

                return false;
            }

            var op = _operators.FirstOrDefault(clause.StartsWith);
            if (op is null)
            {
                return false;
            }

            var versionText = clause[op.Length..].Trim();
            if (op == "===")
            {
                clauses.Add((op, versionText, null, false));
                continue;
            }

            var wildcard = versionText.EndsWith(".*", StringComparison.Ordinal);
            if (wildcard && op is not ("==" or "!="))
            {
                return false;
            }

            if (!PyVersion.TryParse(wildcard ? versionText[..^2] : versionText, out var version) || (op == "~=" && version.Release.Count < 2))
            {
                return false;
            }

            clauses.Add((op, versionText, version, wildcard));
        }

        set = new PySpecifierSet(clauses);
        return true;
    }

    /// <summary>True when <paramref name="version"/> satisfies every clause (pre-releases allowed: used for interpreters and installed versions).</summary>
    public bool Contains(PyVersion version) => _clauses.All(c => Matches(c, version));

    private static bool Matches((string Op, string Text, PyVersion? Version, bool Wildcard) clause, PyVersion candidate)
    {
        var spec = clause.Version;
        return clause.Op switch
        {
            "===" => string.Equals(clause.Text, candidate.ToString(), StringComparison.OrdinalIgnoreCase),
            "==" when clause.Wildcard => PrefixMatch(spec!, candidate),
            "!=" when clause.Wildcard => !PrefixMatch(spec!, candidate),
            "==" => spec!.Local is null ? candidate.Public == spec : candidate == spec,
            "!=" => !(spec!.Local is null ? candidate.Public == spec : candidate == spec),
            "<=" => candidate.Public <= spec!,
            ">=" => candidate.Public >= spec!,
            // Exclusive comparisons do not match pre/post releases of the named version (PEP 440).
            "<" => candidate.Public < spec! && (spec!.IsPrerelease || !candidate.IsPrerelease || !SameRelease(candidate, spec)),
            ">" => candidate.Public > spec! && (spec!.IsPostrelease || !candidate.IsPostrelease || !SameRelease(candidate, spec)),
            "~=" => candidate.Public >= spec! && PrefixMatch(Prefix(spec!), candidate),
            _ => false,
        };
    }

    private static bool SameRelease(PyVersion a, PyVersion b) => a.Epoch == b.Epoch && PyVersion.CompareRelease(a.Release, b.Release) == 0;

    private static PyVersion Prefix(PyVersion spec) => PyVersion.Parse((spec.Epoch != 0 ? spec.Epoch + "!" : "") + string.Join('.', spec.Release.Take(spec.Release.Count - 1)));

    private static bool PrefixMatch(PyVersion prefix, PyVersion candidate)
    {
        if (prefix.Epoch != candidate.Epoch)
        {
            return false;
        }

        for (var i = 0; i < prefix.Release.Count; i++)
        {
            if ((i < candidate.Release.Count ? candidate.Release[i] : 0) != prefix.Release[i])
            {
                return false;
            }
        }

        return true;
    }
}
