using System.Diagnostics.CodeAnalysis;

namespace Pyfleet.Packaging.Versions;

/// <summary>
/// A PEP 440 version: parsed liberally, printed canonically, ordered as <c>packaging.version.Version</c>.
/// Spec: https://packaging.python.org/en/latest/specifications/version-specifiers/
/// </summary>
/// <remarks>API contract (implementation owned by the Packaging work): immutable; equality and hashing
/// follow PEP 440 equality (<c>1.0 == 1.0.0</c>, local labels case-insensitive).</remarks>
public sealed partial class Pep440Version : IComparable<Pep440Version>, IEquatable<Pep440Version>
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> when it is not a valid PEP 440 version.</summary>
    public static Pep440Version Parse(string text) => throw new NotImplementedException();

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Pep440Version? version) => throw new NotImplementedException();

    public int Epoch => throw new NotImplementedException();
    public int Major => throw new NotImplementedException();
    public int Minor => throw new NotImplementedException();
    public int Micro => throw new NotImplementedException();
    public bool IsPrerelease => throw new NotImplementedException();
    public bool IsDevrelease => throw new NotImplementedException();
    public bool IsPostrelease => throw new NotImplementedException();
    public bool HasLocal => throw new NotImplementedException();

    /// <summary>The version without pre, post, dev and local parts (<c>1!2.0</c> for <c>1!2.0rc1.post1+x</c>).</summary>
    public Pep440Version BaseVersion => throw new NotImplementedException();

    /// <summary>The version without its local label.</summary>
    public Pep440Version Public => throw new NotImplementedException();

    public int CompareTo(Pep440Version? other) => throw new NotImplementedException();
    public bool Equals(Pep440Version? other) => throw new NotImplementedException();
    public override bool Equals(object? obj) => obj is Pep440Version v && Equals(v);
    public override int GetHashCode() => throw new NotImplementedException();

    /// <summary>The canonical form (<c>1.0rc1.post2.dev3+local.1</c>).</summary>
    public override string ToString() => throw new NotImplementedException();

    public static bool operator ==(Pep440Version? left, Pep440Version? right) => left is null ? right is null : left.Equals(right);
    public static bool operator !=(Pep440Version? left, Pep440Version? right) => !(left == right);
    public static bool operator <(Pep440Version left, Pep440Version right) => left.CompareTo(right) < 0;
    public static bool operator <=(Pep440Version left, Pep440Version right) => left.CompareTo(right) <= 0;
    public static bool operator >(Pep440Version left, Pep440Version right) => left.CompareTo(right) > 0;
    public static bool operator >=(Pep440Version left, Pep440Version right) => left.CompareTo(right) >= 0;
}
