namespace Pyfleet.Core.Fleet;

/// <summary>A host the fleet knows, with its latest snapshot.</summary>
public sealed record FleetHost(
    string Name,
    string? Os,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long? LatestSnapshot,
    DateTimeOffset? LatestScannedAt,
    int EnvironmentCount,
    int PackageCount);
