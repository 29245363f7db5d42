using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>What one <c>sys.path</c> folder holds: distributions, and (for site folders) the extra path entries its <c>.pth</c> and <c>.egg-link</c> files add.</summary>
internal sealed class DirectoryContents
{
    public static DirectoryContents Empty { get; } = new();

    public List<InventoryPackage> Packages { get; } = [];

    /// <summary>Logical folders (or <c>.egg</c> files) that <c>.pth</c> path lines append to <c>sys.path</c>, in <c>site.py</c> order.</summary>
    public List<string> PthEntries { get; } = [];

    /// <summary><c>.egg-link</c> files: normalised distribution name → logical project folder.</summary>
    public Dictionary<string, string> EggLinks { get; } = new(StringComparer.Ordinal);

    public List<ScanWarning> Warnings { get; } = [];
}
