using Dapper;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Storage.Fleet.Internal;

namespace Pyfleet.Storage.Fleet;

/// <summary>The analysis's reads and its re-analysis transaction (the per-snapshot part runs inside the ingest).</summary>
public abstract partial class FleetStoreBase
{
    /// <summary>SQL true when <paramref name="column"/> is in the list parameter <paramref name="parameter"/>.</summary>
    protected internal abstract string InClause(string column, string parameter);

    /// <summary>SQL true when the JSON string array in <paramref name="column"/> holds the value of the SQL expression <paramref name="value"/>.</summary>
    protected internal abstract string LabelClause(string column, string value);

    /// <summary>The collation clause that makes text order byte order on this engine (both engines sort alike).</summary>
    protected internal virtual string Collate => "";

    public async Task<IReadOnlyList<PackageVersionRef>> StalePairsAsync(string dataVersion, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PackageRow>(new CommandDefinition("""
            SELECT p.id, p.name, p.version FROM fleet_packages p LEFT JOIN fleet_pair_analysis pa ON pa.package_id = p.id
            WHERE pa.data_version IS NULL OR pa.data_version <> @dataVersion ORDER BY p.id LIMIT @limit
            """, new { dataVersion, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new PackageVersionRef(r.Id, r.Name, r.Version)).ToList();
    }

    public async Task<IReadOnlyList<long>> PairsWithAdvisoryAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT package_id FROM fleet_finding_names WHERE name = @name", new { name = id.Trim().ToUpperInvariant() }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<long>> PairsEndOfLifeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT package_id FROM fleet_pair_findings WHERE kind = @kind", new { kind = FindingKinds.EndOfLife }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public virtual async Task<FleetEvent?> ApplyReanalysisAsync(AnalysisVersion data, IReadOnlyDictionary<long, IReadOnlyList<PairFinding>> pairs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pairs);
        var nowMs = FleetRows.Ms(now);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var writer = new FleetAnalysisWriter(connection, transaction, this, cancellationToken);

        // What each pair had before, for the items of the event: changed details, withdrawn findings.
        var before = new Dictionary<(long, string), PairFinding>();
        var changed = new HashSet<(long, string)>();
        var touched = new List<long>();
        foreach (var (packageId, findings) in pairs.OrderBy(p => p.Key))
        {
            if (await writer.WritePairAsync(packageId, data.Version, findings) is not { } old)
            {
                continue;
            }

            foreach (var finding in old)
            {
                before[(packageId, finding.Key)] = finding;
            }

            var differs = old.Count != findings.Count;
            foreach (var finding in findings)
            {
                var previous = old.FirstOrDefault(o => o.Key == finding.Key);
                differs |= previous is null || !previous.SameAs(finding);
                if (previous is not null && !previous.SameAs(finding))
                {
                    changed.Add((packageId, finding.Key));
                }
            }

            if (differs)
            {
                touched.Add(packageId);
            }
        }

        var items = new List<FleetEventItem>();
        foreach (var hostId in await HostsWithPairsAsync(connection, transaction, touched, cancellationToken))
        {
            var change = await writer.RecomputeHostAsync(hostId, nowMs);
            items.AddRange((await writer.RowsAsync(change.Inserted)).Select(r => FleetRows.Item(FleetEventChanges.New, r, null)));
            items.AddRange((await writer.RowsAsync(change.Resolved.Select(r => r.Id).ToList()))
                .Select(r => FleetRows.Item(FleetEventChanges.Withdrawn, r, before.GetValueOrDefault((r.Package_Id, r.Finding_Key)))));
            var changedHere = change.Kept.Where(k => changed.Contains((k.Package_Id, k.Finding_Key))).Select(k => k.Id).ToList();
            items.AddRange((await writer.RowsAsync(changedHere)).Select(r => FleetRows.Item(FleetEventChanges.Changed, r, null)));
        }

        await writer.RecordStateAsync(data, nowMs);
        FleetEvent? written = null;
        if (items.Count > 0)
        {
            var key = FleetAnalysisWriter.SyncKey(nowMs);
            await writer.AppendEventAsync(key, FleetEventCauses.Sync, nowMs, items);
            written = new FleetEvent(0, key, FleetEventCauses.Sync, now, items);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private async Task<List<long>> HostsWithPairsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, List<long> packageIds, CancellationToken cancellationToken)
    {
        var hosts = new SortedSet<long>();
        foreach (var chunk in packageIds.Chunk(500))
        {
            hosts.UnionWith(await connection.QueryAsync<long>(new CommandDefinition($"""
                SELECT DISTINCT l.host_id FROM fleet_environment_packages ep JOIN fleet_latest l ON l.environment_id = ep.environment_id
                WHERE {InClause("ep.package_id", "ids")}
                """, new { ids = chunk }, transaction, cancellationToken: cancellationToken)));

            // A host whose pair lost every finding has no row to join through the index any more, but its open findings do.
            hosts.UnionWith(await connection.QueryAsync<long>(new CommandDefinition($"""
                SELECT DISTINCT host_id FROM fleet_findings WHERE resolved_ms IS NULL AND {InClause("package_id", "ids")}
                """, new { ids = chunk }, transaction, cancellationToken: cancellationToken)));
        }

        return hosts.ToList();
    }
}
