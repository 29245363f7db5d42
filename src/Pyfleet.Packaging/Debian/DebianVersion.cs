using System.Diagnostics.CodeAnalysis;

namespace Pyfleet.Packaging.Debian;

/// <summary>A Debian package version <c>[epoch:]upstream[-revision]</c>, ordered exactly as dpkg orders it.</summary>
public sealed class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    public static DebianVersion Parse(string text) => throw new NotImplementedException();
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DebianVersion? version) => throw new NotImplementedException();

    public int Epoch => throw new NotImplementedException();
    public string Upstream => throw new NotImplementedException();
    public string Revision => throw new NotImplementedException();

    /// <summary>dpkg's comparison of two version strings (<c>dpkg --compare-versions</c>).</summary>
    public static int Compare(string left, string right) => throw new NotImplementedException();

    public int CompareTo(DebianVersion? other) => throw new NotImplementedException();
    public bool Equals(DebianVersion? other) => throw new NotImplementedException();
    public override bool Equals(object? obj) => obj is DebianVersion v && Equals(v);
    public override int GetHashCode() => throw new NotImplementedException();
    public override string ToString() => throw new NotImplementedException();
}
