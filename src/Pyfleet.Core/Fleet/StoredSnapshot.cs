namespace Pyfleet.Core.Fleet;

/// <summary>A snapshot as stored: its summary, the gzip of its header and the gzip of each environment, in order.</summary>
public sealed record StoredSnapshot(FleetSnapshotSummary Summary, byte[] Header, IReadOnlyList<byte[]> Environments);
