using System.Data.Common;
using System.Globalization;
using Dapper;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Events;

namespace Pyfleet.Storage.Fleet.Internal;

/// <summary>
/// The analysis's writes, always inside the caller's transaction: pair findings under a data version, a host's
/// findings recomputed from its latest environments (new ones first seen now, gone ones resolved now) and the
/// event that describes the change (the transactional outbox).
/// </summary>
internal sealed class FleetAnalysisWriter(DbConnection connection, DbTransaction transaction, FleetStoreBase store, CancellationToken cancellationToken)
{
    /// <summary>After an ingest moved the host's latest snapshot: its stale pairs, its findings, <c>snapshot:ID</c>.</summary>
    public async Task ApplySnapshotAsync(long hostId, long snapshotId, SnapshotAnalysis analysis, long nowMs)
    {
        var stale = await connection.QueryAsync<PackageRow>(Command("""
            SELECT DISTINCT p.id, p.name, p.version FROM fleet_latest l
            JOIN fleet_environment_packages ep ON ep.environment_id = l.environment_id
            JOIN fleet_packages p ON p.id = ep.package_id
            LEFT JOIN fleet_pair_analysis pa ON pa.package_id = p.id
            WHERE l.host_id = @hostId AND (pa.data_version IS NULL OR pa.data_version <> @Version)
            """, new { hostId, analysis.Data.Version }));
        foreach (var row in stale.OrderBy(r => r.Id))
        {
            if (analysis.Pairs.TryGetValue((row.Name, row.Version), out var findings))
            {
                await WritePairAsync(row.Id, analysis.Data.Version, findings);
            }
        }

        var recorded = await connection.ExecuteScalarAsync<string?>(Command("SELECT data_version FROM fleet_analysis_state WHERE id = 1", new { }));
        if (recorded is null)
        {
            // The first analysis of a store; later versions are recorded by the re-analysis (one hot row, rarely written).
            await RecordStateAsync(analysis.Data, nowMs);
        }

        var change = await RecomputeHostAsync(hostId, nowMs);
        await connection.ExecuteAsync(Command("UPDATE fleet_hosts SET analysed_snapshot_id = @snapshotId WHERE id = @hostId", new { snapshotId, hostId }));
        if (change.Inserted.Count > 0)
        {
            var items = (await RowsAsync(change.Inserted)).Select(r => FleetRows.Item(FleetEventChanges.New, r, null)).ToList();
            await AppendEventAsync($"snapshot:{snapshotId}", FleetEventCauses.Snapshot, nowMs, items);
        }
    }

    /// <summary>
    /// Writes one pair's findings under <paramref name="dataVersion"/> and returns what it had before; null when
    /// the pair already was at that version (another ingest or server wrote it first: the row lock orders them).
    /// </summary>
    public async Task<IReadOnlyList<PairFinding>?> WritePairAsync(long packageId, string dataVersion, IReadOnlyList<PairFinding> findings)
    {
        var won = await connection.ExecuteScalarAsync<long?>(Command("""
            INSERT INTO fleet_pair_analysis (package_id, data_version) VALUES (@packageId, @dataVersion)
            ON CONFLICT (package_id) DO UPDATE SET data_version = excluded.data_version
            WHERE fleet_pair_analysis.data_version <> excluded.data_version
            RETURNING package_id
            """, new { packageId, dataVersion }));
        if (won is null)
        {
            return null;
        }

        var old = (await connection.QueryAsync<PairFindingRow>(Command("SELECT * FROM fleet_pair_findings WHERE package_id = @packageId", new { packageId })))
            .Select(FleetRows.Pair).ToList();
        var wanted = findings.DistinctBy(f => f.Key).ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var before in old.Where(o => !wanted.TryGetValue(o.Key, out var now) || !now.SameAs(o)))
        {
            await connection.ExecuteAsync(Command("DELETE FROM fleet_pair_findings WHERE package_id = @packageId AND finding_key = @Key", new { packageId, before.Key }));
            await connection.ExecuteAsync(Command("DELETE FROM fleet_finding_names WHERE package_id = @packageId AND finding_key = @Key", new { packageId, before.Key }));
        }

        foreach (var finding in wanted.Values.Where(n => !old.Exists(o => o.SameAs(n))))
        {
            await connection.ExecuteAsync(Command("""
                INSERT INTO fleet_pair_findings (package_id, finding_key, kind, advisory_id, aliases, summary, severity, severity_rank, fixed_version, eol_date)
                VALUES (@packageId, @Key, @Kind, @AdvisoryId, @aliases, @Summary, @Severity, @rank, @FixedVersion, @eol)
                """, new
            {
                packageId,
                finding.Key,
                finding.Kind,
                finding.AdvisoryId,
                aliases = FleetRows.LabelsJson(finding.Aliases),
                finding.Summary,
                finding.Severity,
                rank = Math.Max(0, FindingSeverity.Rank(finding.Severity)),
                finding.FixedVersion,
                eol = FleetRows.DateText(finding.EolDate),
            }));
            var names = finding.Aliases.Append(finding.Key).Select(n => n.ToUpperInvariant()).Distinct(StringComparer.Ordinal);
            foreach (var name in names)
            {
                await connection.ExecuteAsync(Command(
                    "INSERT INTO fleet_finding_names (name, package_id, finding_key) VALUES (@name, @packageId, @Key) ON CONFLICT DO NOTHING",
                    new { name, packageId, finding.Key }));
            }
        }

        return old;
    }

    /// <summary>The host's open findings made to match its latest environments and their pairs' findings.</summary>
    public async Task<HostChange> RecomputeHostAsync(long hostId, long nowMs)
    {
        var desired = (await connection.QueryAsync<OpenFindingRow>(Command("""
            SELECT l.environment_id, e.path, ep.package_id, pf.finding_key
            FROM fleet_latest l
            JOIN fleet_environments e ON e.id = l.environment_id
            JOIN fleet_environment_packages ep ON ep.environment_id = l.environment_id
            JOIN fleet_pair_findings pf ON pf.package_id = ep.package_id
            WHERE l.host_id = @hostId
            """, new { hostId }))).DistinctBy(Key).ToDictionary(Key);
        var current = (await connection.QueryAsync<OpenFindingRow>(Command(
            "SELECT id, path, environment_id, package_id, finding_key FROM fleet_findings WHERE host_id = @hostId AND resolved_ms IS NULL", new { hostId }))).ToList();
        var change = new HostChange();
        foreach (var open in current)
        {
            if (!desired.Remove(Key(open), out var still))
            {
                await connection.ExecuteAsync(Command("UPDATE fleet_findings SET resolved_ms = @nowMs WHERE id = @Id", new { nowMs, open.Id }));
                change.Resolved.Add(open);
                continue;
            }

            if (still.Environment_Id != open.Environment_Id)
            {
                await connection.ExecuteAsync(Command("UPDATE fleet_findings SET environment_id = @Environment_Id WHERE id = @Id", new { still.Environment_Id, open.Id }));
            }

            change.Kept.Add(open);
        }

        foreach (var added in desired.Values.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Package_Id).ThenBy(r => r.Finding_Key, StringComparer.Ordinal))
        {
            change.Inserted.Add(await connection.ExecuteScalarAsync<long>(Command("""
                INSERT INTO fleet_findings (host_id, path, environment_id, package_id, finding_key, first_seen_ms)
                VALUES (@hostId, @Path, @Environment_Id, @Package_Id, @Finding_Key, @nowMs) RETURNING id
                """, new { hostId, added.Path, added.Environment_Id, added.Package_Id, added.Finding_Key, nowMs })));
        }

        return change;
    }

    /// <summary>The findings <paramref name="ids"/> with their host, environment, package and (while current) pair columns.</summary>
    public async Task<List<FindingRow>> RowsAsync(IReadOnlyList<long> ids)
    {
        var rows = new List<FindingRow>(ids.Count);
        foreach (var chunk in ids.Chunk(500))
        {
            rows.AddRange(await connection.QueryAsync<FindingRow>(Command($"""
                SELECT {FleetFindingsSql.Columns} {FleetFindingsSql.LeftJoins}
                WHERE {store.InClause("f.id", "ids")}
                ORDER BY f.id
                """, new { ids = chunk })));
        }

        return rows;
    }

    public async Task AppendEventAsync(string key, string cause, long nowMs, List<FleetEventItem> items) =>
        await connection.ExecuteAsync(Command(
            "INSERT INTO fleet_events (key, cause, occurred_ms, items) VALUES (@key, @cause, @nowMs, @items) ON CONFLICT (key) DO NOTHING",
            new { key, cause, nowMs, items = FleetRows.ItemsJson(items) }));

    /// <summary>Records the data version the fleet's findings are now current for.</summary>
    public Task RecordStateAsync(AnalysisVersion data, long nowMs) =>
        connection.ExecuteAsync(Command("""
            INSERT INTO fleet_analysis_state (id, data_version, analysed_ms, advisories, lifecycle) VALUES (1, @Version, @nowMs, @advisories, @lifecycle)
            ON CONFLICT (id) DO UPDATE SET data_version = excluded.data_version, analysed_ms = excluded.analysed_ms,
                advisories = excluded.advisories, lifecycle = excluded.lifecycle
            """, new { data.Version, nowMs, advisories = data.AdvisoriesLoaded ? 1 : 0, lifecycle = data.LifecycleLoaded ? 1 : 0 }));

    public static string SyncKey(long nowMs) =>
        "sync:" + DateTimeOffset.FromUnixTimeMilliseconds(nowMs).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static (string, long, string) Key(OpenFindingRow row) => (row.Path, row.Package_Id, row.Finding_Key);

    private CommandDefinition Command(string sql, object parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);
}

/// <summary>What recomputing one host changed.</summary>
internal sealed class HostChange
{
    public List<long> Inserted { get; } = [];
    public List<OpenFindingRow> Resolved { get; } = [];
    public List<OpenFindingRow> Kept { get; } = [];
}
