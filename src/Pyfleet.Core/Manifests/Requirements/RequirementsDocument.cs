using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>A requirements file with everything it includes, read the way pip reads it.</summary>
public sealed record RequirementsDocument
{
    /// <summary>The top-level file (absolute).</summary>
    public required string Path { get; init; }

    /// <summary>Requirement and constraint lines that pip accepts, in pip's order (includes expanded in place).</summary>
    public required IReadOnlyList<RequirementsEntry> Entries { get; init; }

    /// <summary>Global options (indexes, find-links, binary controls, …) in file order.</summary>
    public required IReadOnlyList<RequirementsOptionUse> Options { get; init; }

    /// <summary>Every file read: the top-level one first, then includes in the order met.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    public required IReadOnlyList<ManifestDiagnostic> Diagnostics { get; init; }

    /// <summary>The document as a declared environment (<see cref="EnvironmentKinds.Requirements"/>).</summary>
    public PythonEnvironment ToEnvironment() => new()
    {
        Path = Path,
        Kind = EnvironmentKinds.Requirements,
        // Unnamed URL/path requirements are listed too, like pip lists them: name null, their url (constraints cannot be unnamed).
        Packages = [.. Entries.Where(e => !e.IsConstraint && (e.NormalizedName is not null || e.Url is not null)).Select(ToPackage)],
        Constraints = [.. Entries.Where(e => e.IsConstraint && e.NormalizedName is not null).Select(ToPackage)],
    };

    private static InventoryPackage ToPackage(RequirementsEntry entry) => new()
    {
        Name = entry.NormalizedName ?? InventoryPackage.Unnamed,
        DisplayName = entry.Name,
        Version = entry.PinnedVersion,
        Specifier = entry.Specifier,
        Extras = entry.Extras,
        Marker = entry.Marker,
        Url = entry.Url,
        Editable = entry.IsEditable,
        Hashes = entry.Hashes,
        Origin = entry.Origin,
    };
}
