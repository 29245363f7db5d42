using System.Data.Common;
using Dapper;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;

namespace Pyfleet.Storage.Fleet.Internal;

/// <summary>One ingest transaction (see <see cref="FleetStoreBase.IngestAsync"/>).</summary>
internal sealed class FleetIngest(DbConnection connection, DbTransaction transaction, FleetStoreBase store, CancellationToken cancellationToken)
{
    public async Task<IngestResult> RunAsync(PreparedSnapshot snapshot, long receivedMs, SnapshotAnalysis? analysis)
    {
        // The upsert locks the host row until commit: pushes for one host run one after the other.
        var (hostId, latestScanned) = await connection.QuerySingleAsync<(long, long?)>(Command("""
            INSERT INTO fleet_hosts (name, os, first_seen_ms, last_seen_ms) VALUES (@Host, @Os, @received, @received)
            ON CONFLICT (name) DO UPDATE SET last_seen_ms = excluded.last_seen_ms, os = coalesce(excluded.os, fleet_hosts.os)
            RETURNING id, latest_scanned_ms
            """, new { snapshot.Host, snapshot.Os, received = receivedMs }));
        await connection.ExecuteAsync(Command(
            "INSERT INTO fleet_host_days (day, host_id) VALUES (@day, @hostId) ON CONFLICT DO NOTHING", new { day = receivedMs / 86_400_000, hostId }));
        var existing = await connection.ExecuteScalarAsync<long?>(Command(
            "SELECT id FROM fleet_snapshots WHERE host_id = @hostId AND sha256 = @Sha256", new { hostId, snapshot.Sha256 }));
        if (existing is { } id)
        {
            return new IngestResult(id, snapshot.Host, Created: false);
        }

        var scannedMs = FleetRows.Ms(snapshot.ScannedAt);
        var snapshotId = await connection.ExecuteScalarAsync<long>(Command("""
            INSERT INTO fleet_snapshots (host_id, sha256, scanned_ms, received_ms, environment_count, package_count, header)
            VALUES (@hostId, @Sha256, @scannedMs, @receivedMs, @environments, @packages, @Header) RETURNING id
            """, new { hostId, snapshot.Sha256, scannedMs, receivedMs, environments = snapshot.Environments.Count, packages = snapshot.PackageCount, snapshot.Header }));
        var environmentIds = await StoreEnvironmentsAsync(snapshot.Environments);
        for (var ordinal = 0; ordinal < snapshot.Environments.Count; ordinal++)
        {
            await connection.ExecuteAsync(Command(
                "INSERT INTO fleet_snapshot_environments (snapshot_id, ordinal, environment_id) VALUES (@snapshotId, @ordinal, @environment)",
                new { snapshotId, ordinal, environment = environmentIds[Convert.ToHexString(snapshot.Environments[ordinal].Sha256)] }));
        }

        if (latestScanned is null || scannedMs >= latestScanned)
        {
            await connection.ExecuteAsync(Command("DELETE FROM fleet_latest WHERE host_id = @hostId", new { hostId }));
            await store.InsertLatestAsync(connection, transaction, hostId, environmentIds.Values.Distinct().Order().ToList(), cancellationToken);
            await connection.ExecuteAsync(Command("""
                UPDATE fleet_hosts SET latest_snapshot_id = @snapshotId, latest_scanned_ms = @scannedMs,
                    environment_count = @environments, package_count = @packages WHERE id = @hostId
                """, new { snapshotId, scannedMs, environments = snapshot.Environments.Count, packages = snapshot.PackageCount, hostId }));
            if (analysis is not null)
            {
                await new FleetAnalysisWriter(connection, transaction, store, cancellationToken).ApplySnapshotAsync(hostId, snapshotId, analysis, receivedMs);
            }
        }

        return new IngestResult(snapshotId, snapshot.Host, Created: true);
    }

    // Content-addressed: an environment already stored (by any host) is only referenced. Taken in hash order so
    // that concurrent ingests of shared environments wait on each other instead of deadlocking.
    private async Task<Dictionary<string, long>> StoreEnvironmentsAsync(IReadOnlyList<PreparedEnvironment> environments)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var environment in environments.DistinctBy(e => Convert.ToHexString(e.Sha256)).OrderBy(e => Convert.ToHexString(e.Sha256), StringComparer.Ordinal))
        {
            var key = Convert.ToHexString(environment.Sha256);
            var inserted = await connection.ExecuteScalarAsync<long?>(Command("""
                INSERT INTO fleet_environments (sha256, path, kind, labels, content) VALUES (@Sha256, @Path, @Kind, @labels, @Content)
                ON CONFLICT (sha256) DO NOTHING RETURNING id
                """, new { environment.Sha256, environment.Path, environment.Kind, labels = FleetRows.LabelsJson(environment.Labels), environment.Content }));
            if (inserted is { } newId)
            {
                await IndexPackagesAsync(newId, environment);
                ids[key] = newId;
            }
            else
            {
                ids[key] = await connection.ExecuteScalarAsync<long>(Command("SELECT id FROM fleet_environments WHERE sha256 = @Sha256", new { environment.Sha256 }));
            }
        }

        return ids;
    }

    private async Task IndexPackagesAsync(long environmentId, PreparedEnvironment environment)
    {
        var pairs = environment.Pairs().Distinct()
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Version, StringComparer.Ordinal).ToList();
        var ids = await store.UpsertPackagesAsync(connection, transaction, pairs, cancellationToken);
        var os = environment.Packages.GroupBy(p => (p.Name, p.Version)).ToDictionary(g => g.Key, g => g.First().OsPackage);
        var rows = pairs.Select(p => (PackageId: ids[p], OsPackage: os.GetValueOrDefault(p))).DistinctBy(r => r.PackageId).ToList();
        await store.InsertEnvironmentPackagesAsync(connection, transaction, environmentId, rows, cancellationToken);
    }

    private CommandDefinition Command(string sql, object parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
