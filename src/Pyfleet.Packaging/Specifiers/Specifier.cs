using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Specifiers;

/// <summary>One PEP 440 clause such as <c>~=2.2</c>, <c>==1.1.*</c>, <c>!=1.7</c>, <c>===foobar</c>.</summary>
/// <remarks>
/// Semantics follow packaging 26.x, which evaluates each clause as version intervals (<c>_ranges.py</c>):
/// <c>&lt;V</c> stops at <c>V.dev0</c> unless V is a pre-release, <c>&gt;V</c> skips V's post-releases and local
/// versions unless V is a post-release, <c>==V</c> ignores the candidate's local label unless V has one.
/// Parsing and matching are split into <c>Specifier.Parsing.cs</c> and <c>Specifier.Matching.cs</c>.
/// Spec: https://packaging.python.org/en/latest/specifications/version-specifiers/#version-specifiers
/// </remarks>
public sealed partial class Specifier
{
    private readonly Pep440Version? _version;
    private readonly bool _wildcard;
    private readonly bool _hasLocal;
    // Precomputed interval bounds (see Specifier.Matching.cs); null when not used by the operator.
    private readonly Pep440Version? _lower;
    private readonly Pep440Version? _upper;

    private Specifier(SpecifierOperator op, string versionText, Pep440Version? version, bool wildcard, bool? prereleases)
    {
        Operator = op;
        VersionText = versionText;
        _version = version;
        _wildcard = wildcard;
        _hasLocal = version?.HasLocal ?? false;
        ConfiguredPrereleases = prereleases;
        (_lower, _upper) = ComputeBounds(op, version, wildcard);
    }

    /// <summary>Parses one clause; throws <see cref="FormatException"/> when it is not a valid specifier.</summary>
    public static Specifier Parse(string text) =>
        TryParse(text, out var specifier) ? specifier : throw new FormatException($"Invalid specifier: '{text}'.");

    /// <summary>Parses one clause without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Specifier? specifier) =>
        TryParse(text, prereleases: null, out specifier);

    /// <summary>Parses with an explicit pre-release policy (packaging's <c>Specifier(spec, prereleases=...)</c>).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, bool? prereleases, [NotNullWhen(true)] out Specifier? specifier)
    {
        specifier = null;
        if (text is null || !TryParseCore(text.AsSpan(), out var op, out var versionText, out var version, out var wildcard))
        {
            return false;
        }

        specifier = new Specifier(op, versionText, version, wildcard, prereleases);
        return true;
    }

    /// <summary>The comparison operator.</summary>
    public SpecifierOperator Operator { get; }

    /// <summary>The version text after the operator, as written (includes <c>.*</c> for wildcards).</summary>
    public string VersionText { get; }

    /// <summary>The operator as text (<c>~=</c>, <c>==</c>, ...).</summary>
    public string OperatorText => OperatorToText(Operator);

    /// <summary>The parsed version (without <c>.*</c>); null for an unparseable <c>===</c> operand.</summary>
    public Pep440Version? Version => _version;

    /// <summary>True for <c>==V.*</c> and <c>!=V.*</c>.</summary>
    public bool IsWildcard => _wildcard;

    /// <summary>The pre-release policy given at construction (null: automatic).</summary>
    public bool? ConfiguredPrereleases { get; }

    /// <summary>
    /// packaging's <c>Specifier.prereleases</c>: the configured value, else whether the clause names a pre-release
    /// (<c>!=</c> and <c>==V.*</c> never do; null for an unparseable <c>===</c> operand).
    /// </summary>
    public bool? Prereleases
    {
        get
        {
            if (ConfiguredPrereleases is not null)
            {
                return ConfiguredPrereleases;
            }

            if (Operator == SpecifierOperator.NotEqual || _wildcard)
            {
                return false;
            }

            return _version?.IsPrerelease;
        }
    }

    /// <summary>
    /// packaging's <c>Specifier.contains</c>: with <paramref name="prereleases"/> null a pre-release matches
    /// (a single candidate has no alternatives, packaging ≥ 26.0); only an explicit false excludes them.
    /// </summary>
    public bool Contains(Pep440Version version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        // Only === looks at text (packaging compares str(Version)); skip building it otherwise.
        return Contains(version, Operator == SpecifierOperator.ArbitraryEqual ? version.ToString() : string.Empty, prereleases);
    }

    /// <summary>Like <see cref="Contains(Pep440Version, bool?)"/> for a version string; <c>===</c> compares the string as written, anything else that does not parse is not contained.</summary>
    public bool Contains(string version, bool? prereleases = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        Pep440Version.TryParse(version, out var parsed);
        if (Operator != SpecifierOperator.ArbitraryEqual && parsed is null)
        {
            return false;
        }

        return Contains(parsed, version, prereleases);
    }

    internal bool Contains(Pep440Version? parsed, string text, bool? prereleases)
    {
        var effective = prereleases ?? ConfiguredPrereleases ?? (Prereleases == true ? true : null);
        if (effective == false && parsed is not null && parsed.IsPrerelease)
        {
            return false;
        }

        return Operator == SpecifierOperator.ArbitraryEqual
            ? string.Equals(text, VersionText, StringComparison.OrdinalIgnoreCase)
            : Matches(parsed!);
    }

    /// <summary>Operator and version text without whitespace (<c>&gt;=1.0</c>).</summary>
    public override string ToString() => OperatorText + VersionText;

    /// <summary>packaging's specifier equality key: operator plus canonical version (trailing zeros dropped except for <c>~=</c>).</summary>
    internal string CanonicalKey => Operator == SpecifierOperator.ArbitraryEqual || _wildcard || _version is null
        ? ToString()
        : OperatorText + (Operator == SpecifierOperator.Compatible ? _version.ToString() : _version.ToCanonicalTrimmedString());

    internal static string OperatorToText(SpecifierOperator op) => op switch
    {
        SpecifierOperator.Compatible => "~=",
        SpecifierOperator.Equal => "==",
        SpecifierOperator.NotEqual => "!=",
        SpecifierOperator.LessThanOrEqual => "<=",
        SpecifierOperator.GreaterThanOrEqual => ">=",
        SpecifierOperator.LessThan => "<",
        SpecifierOperator.GreaterThan => ">",
        _ => "===",
    };
}
