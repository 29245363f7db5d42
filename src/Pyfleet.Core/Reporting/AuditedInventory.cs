using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting;

/// <summary>One audit input (a folder, an inventory document, a manifest, an SBOM): its host and environments.</summary>
public sealed record AuditedInventory(string Path, HostInfo Host, IReadOnlyList<AuditedEnvironment> Environments, IReadOnlyList<string> Warnings);
