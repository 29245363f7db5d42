using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Auditing;

/// <summary>The audit of one environment: vulnerable packages, skipped ones, and how many were checked.</summary>
public sealed record EnvironmentAudit
{
    public required string Path { get; init; }
    public required string Kind { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public int PackagesChecked { get; init; }

    /// <summary>Packages whose markers are false for the target interpreter (never installed there).</summary>
    public int PackagesExcludedByMarker { get; init; }

    public IReadOnlyList<PackageAudit> Packages { get; init; } = [];
    public IReadOnlyList<SkippedPackage> Skipped { get; init; } = [];

    /// <summary>What could not be read or checked in this environment (it is then "not checked" for that).</summary>
    public IReadOnlyList<InputError> Errors { get; init; } = [];
}
