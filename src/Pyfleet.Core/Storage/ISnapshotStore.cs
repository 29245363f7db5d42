using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Storage;

/// <summary>
/// Scan results kept as snapshots, so later commands (<c>audit snapshot:ID</c>, diffs, the fleet server) read
/// exactly what the scan saw, by id. Environments are stored content-addressed: one unchanged since any earlier
/// scan is not written again.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>Stores a scan and returns its id (increasing; never reused).</summary>
    Task<long> SaveAsync(InventoryDocument document, CancellationToken cancellationToken = default);

    /// <summary>The snapshot with <paramref name="id"/>; a <see cref="Errors.PyfleetException"/> when there is none or it is damaged.</summary>
    Task<InventoryDocument> LoadAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The id of the newest snapshot (optionally of one host), or null when the store has none.</summary>
    Task<long?> LatestAsync(string? host = null, CancellationToken cancellationToken = default);

    /// <summary>The newest <paramref name="limit"/> snapshots, newest first.</summary>
    Task<IReadOnlyList<SnapshotSummary>> ListAsync(int limit = 100, CancellationToken cancellationToken = default);
}
