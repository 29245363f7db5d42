using Pyfleet.Packaging.Versions;

namespace Pyfleet.Dashboard.Rendering;

/// <summary>Newest first by PEP 440; a version PEP 440 cannot read sorts after every valid one, by text.</summary>
public sealed class VersionOrder : IComparer<string>
{
    public static VersionOrder NewestFirst { get; } = new();

    public int Compare(string? x, string? y)
    {
        var left = Pep440Version.TryParse(x, out var a) ? a : null;
        var right = Pep440Version.TryParse(y, out var b) ? b : null;
        return (left, right) switch
        {
            ({ } l, { } r) => r.CompareTo(l),
            (null, null) => string.CompareOrdinal(x, y),
            (null, _) => 1,
            _ => -1,
        };
    }
}
