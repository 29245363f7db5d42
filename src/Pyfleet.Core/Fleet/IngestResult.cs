namespace Pyfleet.Core.Fleet;

/// <summary>What an ingest did: the snapshot id and whether it was new (201) or a repeat of a stored one (200).</summary>
public sealed record IngestResult(long Snapshot, string Host, bool Created);
