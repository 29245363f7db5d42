namespace Pyfleet.Packaging.Versions;

/// <summary>Comparers for <see cref="Pep440Version"/> (null sorts first).</summary>
public sealed class VersionComparer : IComparer<Pep440Version>, IEqualityComparer<Pep440Version>
{
    private VersionComparer()
    {
    }

    /// <summary>PEP 440 ordering and equality, as packaging's <c>Version</c>.</summary>
    public static VersionComparer Default { get; } = new();

    /// <summary>PEP 440 ordering.</summary>
    public int Compare(Pep440Version? x, Pep440Version? y) => x is null ? (y is null ? 0 : -1) : x.CompareTo(y);

    /// <summary>PEP 440 equality.</summary>
    public bool Equals(Pep440Version? x, Pep440Version? y) => x == y;

    /// <summary>Hash consistent with PEP 440 equality.</summary>
    public int GetHashCode(Pep440Version obj) => obj.GetHashCode();
}
