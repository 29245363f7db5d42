namespace Pyfleet.Core.Application.Inputs;

/// <summary>What an input turned out to be (<see cref="InventorySourceResolver"/>'s precedence, in this order).</summary>
public enum InventorySourceKind
{
    /// <summary><c>snapshot:ID</c>: a scan kept in the store.</summary>
    Snapshot,

    /// <summary>A folder, scanned for installed environments and requirements/lock files.</summary>
    Folder,

    /// <summary>The host's standard locations (<c>--system</c>).</summary>
    System,

    /// <summary>A file with a manifest's name (requirements, lock files, pyproject…), read by that reader.</summary>
    Manifest,

    /// <summary>An inventory document (<c>pyfleet scan --format json</c>), read one environment at a time.</summary>
    InventoryDocument,

    /// <summary>An input that could not be opened at all (missing, unreadable): only errors.</summary>
    /// <summary>A CycloneDX or SPDX SBOM made by another tool, read as an inventory.</summary>
    Sbom,

    Unreadable,
}
