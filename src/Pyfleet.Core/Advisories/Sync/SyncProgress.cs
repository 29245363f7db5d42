namespace Pyfleet.Core.Advisories.Sync;

/// <summary>Progress of a sync stage: bytes for downloads, records for imports; <see cref="Total"/> null when unknown.</summary>
public readonly record struct SyncProgress(string Stage, long Done, long? Total);
