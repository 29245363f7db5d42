namespace Pyfleet.Core.Storage;

/// <summary>One stored scan, without its document.</summary>
public sealed record SnapshotSummary(long Id, string Host, DateTimeOffset ScannedAt, int EnvironmentCount, int PackageCount, int WarningCount);
