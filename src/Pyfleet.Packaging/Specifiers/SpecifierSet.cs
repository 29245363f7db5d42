using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Specifiers;

/// <summary>
/// A comma-separated PEP 440 specifier set (logical AND), with <c>packaging</c>'s pre-release rules.
/// </summary>
/// <remarks>
/// packaging 26.x: <c>contains</c> accepts a pre-release unless pre-releases are explicitly refused (a single
/// candidate has no alternatives); <c>filter</c> yields pre-releases only when no final release matches, unless a
/// clause names a pre-release or the caller allows them. FORMATS.md §1.5–1.6.
/// </remarks>
public sealed class SpecifierSet
{
    private readonly Specifier[] _specifiers;

    private SpecifierSet(Specifier[] specifiers, bool? prereleases)
    {
        _specifiers = specifiers;
        ConfiguredPrereleases = prereleases;
    }

    /// <summary>The empty set: every version matches.</summary>
    public static SpecifierSet Empty { get; } = new([], null);

    /// <summary>Parses comma-separated clauses; throws <see cref="FormatException"/> when one is invalid.</summary>
    public static SpecifierSet Parse(string text) =>
        TryParse(text, out var set) ? set : throw new FormatException($"Invalid specifier set: '{text}'.");

    /// <summary>Parses comma-separated clauses without throwing (empty items are ignored).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SpecifierSet? set) =>
        TryParse(text, prereleases: null, out set);

    /// <summary>Parses with an explicit pre-release policy (packaging's <c>SpecifierSet(specs, prereleases=...)</c>).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, bool? prereleases, [NotNullWhen(true)] out SpecifierSet? set)
    {
        set = null;
        if (text is null)
        {
            return false;
        }

        // packaging: split on ',', strip each item, drop empty items (so a trailing comma is accepted).
        var specifiers = new List<Specifier>();
        foreach (var part in text.Split(','))
        {
            var item = PythonText.Trim(part.AsSpan());
            if (item.IsEmpty)
            {
                continue;
            }

            if (!Specifier.TryParse(item.ToString(), out var specifier))
            {
                return false;
            }

            specifiers.Add(specifier);
        }

        set = specifiers.Count == 0 && prereleases is null ? Empty : new SpecifierSet([.. specifiers], prereleases);
        return true;
    }

    /// <summary>The individual clauses.</summary>
    public IReadOnlyList<Specifier> Specifiers => _specifiers;

    /// <summary>The pre-release policy given at construction (null: automatic).</summary>
    public bool? ConfiguredPrereleases { get; }

    /// <summary>packaging's <c>SpecifierSet.prereleases</c>: configured value, else true when a clause names a pre-release, else null.</summary>
    public bool? Prereleases
    {
        get
        {
            if (ConfiguredPrereleases is not null)
            {
                return ConfiguredPrereleases;
            }

            foreach (var specifier in _specifiers)
            {
                if (specifier.Prereleases == true)
                {
                    return true;
                }
            }

            return null;
        }
    }

    /// <summary>True when the set is one <c>==V</c> (no wildcard) or <c>===V</c> clause: an exact pin.</summary>
    public bool IsPinned => _specifiers.Length == 1
        && ((_specifiers[0].Operator == SpecifierOperator.Equal && !_specifiers[0].IsWildcard)
            || _specifiers[0].Operator == SpecifierOperator.ArbitraryEqual);

    /// <summary>
    /// True when <paramref name="version"/> satisfies every clause. <paramref name="prereleases"/>: null = packaging's default
    /// (allowed when a clause names a pre-release); true = allowed (use for "is this installed version in the set?").
    /// </summary>
    /// <remarks>In packaging 26.x the null default also admits a pre-release here (one candidate, no alternatives);
    /// only an explicit false (argument or configured) refuses it.</remarks>
    public bool Contains(Pep440Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        return ContainsCore(version, null, prereleases);
    }

    /// <summary>Like <see cref="Contains(Pep440Version, bool?)"/> for a version string: <c>===</c> compares it as written; an unparseable string matches only <c>===</c> clauses.</summary>
    public bool Contains(string version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        Pep440Version.TryParse(version, out var parsed);
        return ContainsCore(parsed, version, prereleases);
    }

    private bool ContainsCore(Pep440Version? parsed, string? text, bool? prereleases)
    {
        var effective = prereleases ?? ConfiguredPrereleases;
        if (parsed is not null && parsed.IsPrerelease && effective == false)
        {
            return false;
        }

        if (parsed is null && !HasArbitrary)
        {
            // packaging passes an unparseable string through an empty set's filter untouched.
            return _specifiers.Length == 0;
        }

        return MatchesAll(parsed, text);
    }

    private bool HasArbitrary
    {
        get
        {
            foreach (var specifier in _specifiers)
            {
                if (specifier.Operator == SpecifierOperator.ArbitraryEqual)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private bool MatchesAll(Pep440Version? parsed, string? text)
    {
        foreach (var specifier in _specifiers)
        {
            if (specifier.Operator == SpecifierOperator.ArbitraryEqual)
            {
                if (!specifier.Contains(parsed, text ?? parsed!.ToString(), prereleases: true))
                {
                    return false;
                }
            }
            else if (parsed is null || !specifier.Contains(parsed, string.Empty, prereleases: true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Filters candidate versions as <c>SpecifierSet.filter</c> does.</summary>
    public IEnumerable<Pep440Version> Filter(IEnumerable<Pep440Version> versions, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return FilterIterator(versions, prereleases ?? Prereleases);
    }

    private IEnumerable<Pep440Version> FilterIterator(IEnumerable<Pep440Version> versions, bool? prereleases)
    {
        List<Pep440Version>? buffer = null;
        var foundFinal = false;
        foreach (var version in versions)
        {
            if (!MatchesAll(version, null))
            {
                continue;
            }

            if (prereleases == true || !version.IsPrerelease)
            {
                foundFinal |= !version.IsPrerelease;
                yield return version;
            }
            else if (prereleases is null && !foundFinal)
            {
                // PEP 440 default: pre-releases only when nothing final matches.
                (buffer ??= []).Add(version);
            }
        }

        if (prereleases is null && !foundFinal && buffer is not null)
        {
            foreach (var version in buffer)
            {
                yield return version;
            }
        }
    }

    /// <summary>Canonical text: clauses sorted as text, duplicates (by canonical version) removed, joined by <c>,</c>.</summary>
    public override string ToString()
    {
        var sorted = _specifiers.Select(s => s.ToString()).Zip(_specifiers)
            .OrderBy(p => p.First, StringComparer.Ordinal)
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>(sorted.Count);
        foreach (var (text, specifier) in sorted)
        {
            if (seen.Add(specifier.CanonicalKey))
            {
                kept.Add(text);
            }
        }

        return string.Join(",", kept);
    }
}
