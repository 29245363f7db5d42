using Dapper;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Storage.Fleet.Internal;

namespace Pyfleet.Storage.Fleet;

/// <summary><see cref="IFleetFindings"/>: current findings, the daily trend and the overview counts.</summary>
public abstract partial class FleetStoreBase : IFleetFindings
{
    private const long DayMs = 86_400_000;

    public IFleetFindings Findings => this;

    public async Task<FindingsPage> FindingsAsync(FindingsFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = FindingsWhere.Build(filter, this);
        var order = FindingsWhere.OrderBy(filter, Collate);
        parameters.Add("offset", Math.Max(0, filter.Offset));
        parameters.Add("limit", Math.Clamp(filter.Limit, 0, 10_000));
        await using var connection = await OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) {FleetFindingsSql.LeftJoins} WHERE {where}", parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"SELECT {FleetFindingsSql.Columns.Replace("NULL AS suppressed", SuppressedReason + " AS suppressed", StringComparison.Ordinal)} {FleetFindingsSql.LeftJoins} WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset",
            parameters, cancellationToken: cancellationToken));
        return new FindingsPage(rows.Select(FleetRows.Finding).ToList(), (int)total);
    }

    public async Task<IReadOnlyList<TrendDay>> TrendAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber > 365)
        {
            throw Core.Fleet.FleetException.BadRequest("the trend covers 1 to 366 days, 'from' not after 'to'");
        }

        var first = (long)(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalDays;
        var last = first + (to.DayNumber - from.DayNumber);
        var range = new { fromMs = first * DayMs, toMs = (last + 1) * DayMs, first, last };
        await using var connection = await OpenAsync(cancellationToken);
        var opened = await DaysAsync(connection, "SELECT first_seen_ms / 86400000 AS day, count(*) AS n FROM fleet_findings WHERE first_seen_ms >= @fromMs AND first_seen_ms < @toMs GROUP BY first_seen_ms / 86400000", range, cancellationToken);
        var resolved = await DaysAsync(connection, "SELECT resolved_ms / 86400000 AS day, count(*) AS n FROM fleet_findings WHERE resolved_ms >= @fromMs AND resolved_ms < @toMs GROUP BY resolved_ms / 86400000", range, cancellationToken);
        var reporting = await DaysAsync(connection, "SELECT day, count(*) AS n FROM fleet_host_days WHERE day >= @first AND day <= @last GROUP BY day", range, cancellationToken);
        var days = new List<TrendDay>();
        for (var day = first; day <= last; day++)
        {
            days.Add(new TrendDay(from.AddDays((int)(day - first)), opened.GetValueOrDefault(day), resolved.GetValueOrDefault(day), reporting.GetValueOrDefault(day)));
        }

        return days;
    }

    public async Task<FleetOverview> OverviewAsync(DateTimeOffset staleBefore, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Hosts, long Stale, long Environments, long Instances, long Versions)>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM fleet_hosts), (SELECT count(*) FROM fleet_hosts WHERE last_seen_ms < @stale),
                   (SELECT count(*) FROM fleet_latest), (SELECT coalesce(sum(package_count), 0) FROM fleet_hosts),
                   (SELECT count(*) FROM fleet_packages WHERE name <> @interpreter)
            """, new { stale = FleetRows.Ms(staleBefore), interpreter = InterpreterPair.Name }, cancellationToken: cancellationToken));
        var now = new { now = asOf.ToUnixTimeMilliseconds() };
        var current = $"{FleetFindingsSql.LeftJoins} WHERE f.resolved_ms IS NULL AND pf.kind IS NOT NULL";
        var open = $"{current} AND {SuppressedReason} IS NULL";
        var bySeverity = FindingSeverity.Names.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        foreach (var (severity, n) in await connection.QueryAsync<(string, long)>(new CommandDefinition(
            $"SELECT pf.severity, count(*) {open} GROUP BY pf.severity", now, cancellationToken: cancellationToken)))
        {
            bySeverity[severity] = (int)n;
        }

        var kinds = (await connection.QueryAsync<(string, long)>(new CommandDefinition($"""
            SELECT kind, count(*) FROM (SELECT DISTINCT pf.kind, f.host_id, f.path, f.package_id {open}) x GROUP BY kind
            """, now, cancellationToken: cancellationToken))).ToDictionary(k => k.Item1, k => (int)k.Item2, StringComparer.Ordinal);
        var suppressed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) {current} AND {SuppressedReason} IS NOT NULL", now, cancellationToken: cancellationToken));
        var state = await connection.QuerySingleOrDefaultAsync<(string Version, long Advisories, long Lifecycle)?>(new CommandDefinition(
            "SELECT data_version, advisories, lifecycle FROM fleet_analysis_state WHERE id = 1", cancellationToken: cancellationToken));
        return new FleetOverview(
            (int)counts.Hosts, (int)counts.Stale, (int)counts.Environments, counts.Instances, (int)counts.Versions,
            kinds.GetValueOrDefault(FindingKinds.Vulnerability), kinds.GetValueOrDefault(FindingKinds.EndOfLife), null,
            bySeverity, bySeverity.Values.Sum(), (int)suppressed, state?.Advisories == 1, state?.Lifecycle == 1, state?.Version);
    }

    private static async Task<Dictionary<long, int>> DaysAsync(System.Data.Common.DbConnection connection, string sql, object range, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long Day, long N)>(new CommandDefinition(sql, range, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Day, r => (int)r.N);
}
