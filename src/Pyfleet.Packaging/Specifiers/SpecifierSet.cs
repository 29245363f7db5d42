using System.Diagnostics.CodeAnalysis;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Specifiers;

/// <summary>
/// A comma-separated PEP 440 specifier set (logical AND), with <c>packaging</c>'s pre-release rules.
/// </summary>
public sealed class SpecifierSet
{
    public static SpecifierSet Empty => throw new NotImplementedException();
    public static SpecifierSet Parse(string text) => throw new NotImplementedException();
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SpecifierSet? set) => throw new NotImplementedException();

    /// <summary>The individual clauses.</summary>
    public IReadOnlyList<Specifier> Specifiers => throw new NotImplementedException();

    /// <summary>True when the set is one <c>==V</c> (no wildcard) or <c>===V</c> clause: an exact pin.</summary>
    public bool IsPinned => throw new NotImplementedException();

    /// <summary>
    /// True when <paramref name="version"/> satisfies every clause. <paramref name="prereleases"/>: null = packaging's default
    /// (allowed when a clause names a pre-release); true = allowed (use for "is this installed version in the set?").
    /// </summary>
    public bool Contains(Pep440Version version, bool? prereleases = null) => throw new NotImplementedException();

    /// <summary>Filters candidate versions as <c>SpecifierSet.filter</c> does.</summary>
    public IEnumerable<Pep440Version> Filter(IEnumerable<Pep440Version> versions, bool? prereleases = null) => throw new NotImplementedException();

    /// <summary>Canonical text (clauses joined by <c>,</c>).</summary>
    public override string ToString() => throw new NotImplementedException();
}
