using Dapper;
using Pyfleet.Storage.Fleet.Internal;

namespace Pyfleet.Storage.Fleet;

/// <summary>Background jobs: the exclusive claim (engine-specific) and retention.</summary>
public abstract partial class FleetStoreBase
{
    public abstract Task<bool> TryRunExclusiveAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    public virtual async Task<int> PruneSnapshotsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        const string Old = """
            SELECT s.id FROM fleet_snapshots s JOIN fleet_hosts h ON h.id = s.host_id
            WHERE s.received_ms < @before AND (h.latest_snapshot_id IS NULL OR s.id <> h.latest_snapshot_id)
            """;
        const string Unused = """
            SELECT e.id FROM fleet_environments e
            WHERE NOT EXISTS (SELECT 1 FROM fleet_snapshot_environments se WHERE se.environment_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM fleet_latest l WHERE l.environment_id = e.id)
              AND NOT EXISTS (SELECT 1 FROM fleet_findings f WHERE f.environment_id = e.id)
            """;
        var parameters = new { before = FleetRows.Ms(before) };
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        CommandDefinition Command(string sql) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
        await connection.ExecuteAsync(Command($"DELETE FROM fleet_snapshot_environments WHERE snapshot_id IN ({Old})"));
        var deleted = await connection.ExecuteAsync(Command($"DELETE FROM fleet_snapshots WHERE id IN ({Old})"));

        // The history of findings resolved before the cut goes with the snapshots that showed them.
        await connection.ExecuteAsync(Command("DELETE FROM fleet_findings WHERE resolved_ms < @before"));
        await connection.ExecuteAsync(Command($"DELETE FROM fleet_environment_packages WHERE environment_id IN ({Unused})"));
        await connection.ExecuteAsync(Command($"DELETE FROM fleet_environments WHERE id IN ({Unused})"));
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
