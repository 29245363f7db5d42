namespace Pyfleet.Core.Fleet;

/// <summary>One stored snapshot of a host, without its content.</summary>
public sealed record FleetSnapshotSummary(
    long Id,
    string Host,
    string Sha256,
    DateTimeOffset ScannedAt,
    DateTimeOffset ReceivedAt,
    int EnvironmentCount,
    int PackageCount);
