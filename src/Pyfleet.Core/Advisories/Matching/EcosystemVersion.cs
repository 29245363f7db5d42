using Pyfleet.Packaging.Debian;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// A version in an ecosystem's syntax, parsed once. A version that does not parse keeps its normalized text
/// (trimmed, lower-case) and compares as text: FORMATS.md §6.2 "compare versions[] as normalized strings".
/// Equality follows the scheme (PEP 440: <c>1.0 == 1.0.0</c>), so it can key a hash set.
/// </summary>
public sealed class EcosystemVersion : IComparable<EcosystemVersion>, IEquatable<EcosystemVersion>
{
    private readonly Pep440Version? _pep440;
    private readonly DebianVersion? _debian;

    private EcosystemVersion(string raw, Pep440Version? pep440, DebianVersion? debian)
    {
        Raw = raw;
        Normalized = raw.Trim().ToLowerInvariant();
        _pep440 = pep440;
        _debian = debian;
    }

    /// <summary>The text as the record or inventory wrote it.</summary>
    public string Raw { get; }

    /// <summary>Trimmed lower-case text, used when the version does not parse.</summary>
    public string Normalized { get; }

    /// <summary>True when the version parsed in its ecosystem's scheme.</summary>
    public bool IsParsed => _pep440 is not null || _debian is not null;

    /// <summary>PEP 440 form, when the scheme is PEP 440 and it parsed.</summary>
    public Pep440Version? Pep440 => _pep440;

    /// <summary>Parses <paramref name="text"/> in <paramref name="scheme"/>; never throws.</summary>
    public static EcosystemVersion Create(string text, VersionScheme scheme) => scheme switch
    {
        VersionScheme.Pep440 => new EcosystemVersion(text, Pep440Version.TryParse(text, out var v) ? v : null, null),
        VersionScheme.Debian => new EcosystemVersion(text, null, DebianVersion.TryParse(text.Trim(), out var d) ? d : null),
        _ => new EcosystemVersion(text, null, null),
    };

    /// <summary>Scheme order when both parsed, else ordinal order of the normalized text (named fallback).</summary>
    public int CompareTo(EcosystemVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (_pep440 is not null && other._pep440 is not null)
        {
            return _pep440.CompareTo(other._pep440);
        }

        if (_debian is not null && other._debian is not null)
        {
            return _debian.CompareTo(other._debian);
        }

        return string.CompareOrdinal(Normalized, other.Normalized);
    }

    public bool Equals(EcosystemVersion? other)
    {
        if (other is null)
        {
            return false;
        }

        if (_pep440 is not null && other._pep440 is not null)
        {
            return _pep440.Equals(other._pep440);
        }

        if (_debian is not null && other._debian is not null)
        {
            return _debian.Equals(other._debian);
        }

        return !IsParsed && !other.IsParsed && Normalized == other.Normalized;
    }

    public override bool Equals(object? obj) => obj is EcosystemVersion other && Equals(other);

    public override int GetHashCode() =>
        _pep440?.GetHashCode() ?? _debian?.GetHashCode() ?? StringComparer.Ordinal.GetHashCode(Normalized);

    public override string ToString() => Raw;

    /// <summary>The scheme for an OSV ecosystem string (case-sensitive, FORMATS.md §6.1).</summary>
    public static VersionScheme SchemeFor(string ecosystem) =>
        ecosystem == "PyPI" ? VersionScheme.Pep440
        : ecosystem == "Debian" || ecosystem.StartsWith("Debian:", StringComparison.Ordinal) ? VersionScheme.Debian
        : VersionScheme.Text;
}
