using System.Text.Json;
using Dapper;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Views;
using Pyfleet.Storage.Fleet.Internal;
using StoredJson = Pyfleet.Storage.Fleet.Internal.FleetJson;

namespace Pyfleet.Storage.Fleet;

/// <summary>
/// The dashboard's read models (<see cref="IFleetViews"/>), the same SQL on both engines. Labels are kept as a JSON
/// array per distinct environment: a label is found with a <c>LIKE</c> on its JSON spelling over the distinct
/// environments of latest snapshots, then matched exactly here (SQLite's LIKE ignores ASCII case).
/// </summary>
public abstract partial class FleetStoreBase : IFleetViews
{
    public async Task<FleetCounts> FleetCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountsRow>(new CommandDefinition("""
            SELECT (SELECT count(*) FROM fleet_hosts) AS hosts,
                   (SELECT count(*) FROM fleet_latest) AS environments,
                   (SELECT count(DISTINCT environment_id) FROM fleet_latest) AS distinct_environments,
                   (SELECT COALESCE(sum(package_count), 0) FROM fleet_hosts) AS package_instances
            """, cancellationToken: cancellationToken));

        // Distinct names and pairs over the distinct latest environments' index rows (bounded by distinct content);
        // the interpreter is indexed as a pair for its EOL but is no package.
        var (names, pairs) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition("""
            SELECT count(DISTINCT p.name), count(DISTINCT p.id)
            FROM (SELECT DISTINCT environment_id FROM fleet_latest) l
            JOIN fleet_environment_packages ep ON ep.environment_id = l.environment_id
            JOIN fleet_packages p ON p.id = ep.package_id
            WHERE p.name <> @interpreter
            """, new { interpreter = InterpreterPair.Name }, cancellationToken: cancellationToken));
        return new FleetCounts((int)row.Hosts, (int)row.Environments, (int)row.Distinct_Environments, (int)names, (int)pairs, row.Package_Instances);
    }

    public async Task<HostsPage> QuietHostsAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var cutoff = FleetRows.Ms(lastSeenBefore);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM fleet_hosts WHERE last_seen_ms < @cutoff", new { cutoff }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<HostRow>(new CommandDefinition(
            "SELECT * FROM fleet_hosts WHERE last_seen_ms < @cutoff ORDER BY last_seen_ms, name LIMIT @limit", new { cutoff, limit }, cancellationToken: cancellationToken));
        return new HostsPage(rows.Select(FleetRows.Host).ToList(), (int)total);
    }

    public async Task<HostsPage> HostsAsync(string? search, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var pattern = search is { Length: > 0 } ? "%" + EscapeLike(search.ToLowerInvariant()) + "%" : "%";
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            @"SELECT count(*) FROM fleet_hosts WHERE lower(name) LIKE @pattern ESCAPE '\'", new { pattern }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<HostRow>(new CommandDefinition(
            @"SELECT * FROM fleet_hosts WHERE lower(name) LIKE @pattern ESCAPE '\' ORDER BY name LIMIT @limit OFFSET @offset",
            new { pattern, limit, offset }, cancellationToken: cancellationToken));
        return new HostsPage(rows.Select(FleetRows.Host).ToList(), (int)total);
    }

    public async Task<IReadOnlyList<LabelUse>> LabelsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sets = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT e.labels FROM fleet_environments e
            WHERE e.labels <> '[]' AND EXISTS (SELECT 1 FROM fleet_latest l WHERE l.environment_id = e.id)
            """, cancellationToken: cancellationToken));
        return sets.SelectMany(Labels).GroupBy(l => l, StringComparer.Ordinal)
            .Select(g => new LabelUse(g.Key, g.Count())).OrderBy(l => l.Label, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<EnvironmentUse>> LabelEnvironmentsAsync(string label, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(label);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EnvironmentUseRow>(new CommandDefinition(@"
            SELECT e.id, e.path, e.kind, e.labels, e.content, g.hosts, g.first_host
            FROM (SELECT l.environment_id, count(*) AS hosts, min(h.name) AS first_host
                  FROM fleet_latest l JOIN fleet_hosts h ON h.id = l.host_id
                  WHERE l.environment_id IN (SELECT id FROM fleet_environments WHERE labels LIKE @pattern ESCAPE '\')
                  GROUP BY l.environment_id) g
            JOIN fleet_environments e ON e.id = g.environment_id
            ORDER BY e.path, e.id", new { pattern = LabelPattern(label) }, cancellationToken: cancellationToken));
        var result = new List<EnvironmentUse>();
        foreach (var row in rows)
        {
            var labels = Labels(row.Labels);
            if (labels.Contains(label, StringComparer.Ordinal) && result.Count < limit)
            {
                var environment = EnvironmentContent.Read(row.Content, row.Path);
                result.Add(new EnvironmentUse(row.Path, row.Kind, labels, environment.Python?.Version, environment.Packages.Count, (int)row.Hosts, row.First_Host));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<PackageVersionUse>> PackageVersionsAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var hosts = (await connection.QueryAsync<(string Version, long Hosts)>(new CommandDefinition("""
            SELECT p.version, count(DISTINCT l.host_id)
            FROM fleet_packages p
            JOIN fleet_environment_packages ep ON ep.package_id = p.id
            JOIN fleet_latest l ON l.environment_id = ep.environment_id
            WHERE p.name = @name GROUP BY p.version
            """, new { name }, cancellationToken: cancellationToken))).ToDictionary(r => r.Version, r => r.Hosts, StringComparer.Ordinal);
        var environments = await connection.QueryAsync<(string Version, string Labels, long Instances)>(new CommandDefinition("""
            SELECT p.version, e.labels, count(*)
            FROM fleet_packages p
            JOIN fleet_environment_packages ep ON ep.package_id = p.id
            JOIN fleet_environments e ON e.id = ep.environment_id
            JOIN fleet_latest l ON l.environment_id = e.id
            WHERE p.name = @name GROUP BY p.version, e.id, e.labels
            """, new { name }, cancellationToken: cancellationToken));
        return environments.GroupBy(r => r.Version, StringComparer.Ordinal).Select(g => new PackageVersionUse(
                g.Key,
                (int)hosts.GetValueOrDefault(g.Key),
                (int)g.Sum(r => r.Instances),
                g.SelectMany(r => Labels(r.Labels)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<PackageEnvironmentUse>> PackageEnvironmentsAsync(string name, string? label, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PackageEnvironmentRow>(new CommandDefinition(@"
            SELECT e.path, e.kind, e.labels, p.version, count(*) AS hosts, min(h.name) AS first_host
            FROM fleet_packages p
            JOIN fleet_environment_packages ep ON ep.package_id = p.id
            JOIN fleet_environments e ON e.id = ep.environment_id
            JOIN fleet_latest l ON l.environment_id = e.id
            JOIN fleet_hosts h ON h.id = l.host_id
            WHERE p.name = @name AND e.labels LIKE @pattern ESCAPE '\'
            GROUP BY e.id, e.path, e.kind, e.labels, p.version
            ORDER BY p.version, e.path, e.id", new { name, pattern = label is null ? "%" : LabelPattern(label) }, cancellationToken: cancellationToken));
        return rows.Select(r => (Row: r, Labels: Labels(r.Labels)))
            .Where(r => label is null || r.Labels.Contains(label, StringComparer.Ordinal))
            .Take(limit)
            .Select(r => new PackageEnvironmentUse(r.Row.Path, r.Row.Kind, r.Labels, r.Row.Version, (int)r.Row.Hosts, r.Row.First_Host))
            .ToList();
    }

    public async Task<IReadOnlyList<WhoMatch>> InstancesAsync(string name, string version, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MatchRow>(new CommandDefinition("""
            SELECT h.name AS host, e.path, e.kind, e.labels, p.name, p.version, ep.os_package,
                   h.latest_snapshot_id AS snapshot, h.latest_scanned_ms AS scanned_ms
            FROM fleet_packages p
            JOIN fleet_environment_packages ep ON ep.package_id = p.id
            JOIN fleet_latest l ON l.environment_id = ep.environment_id
            JOIN fleet_hosts h ON h.id = l.host_id
            JOIN fleet_environments e ON e.id = ep.environment_id
            WHERE p.name = @name AND p.version = @version
            ORDER BY h.name, e.path
            LIMIT @limit
            """, new { name, version, limit }, cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Match).ToList();
    }

    // The label as it is spelled inside the stored JSON array, as a LIKE pattern.
    private static string LabelPattern(string label) => "%" + EscapeLike(JsonSerializer.Serialize(label, StoredJson.Default.String)) + "%";

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static string[] Labels(string json) => JsonSerializer.Deserialize(json, StoredJson.Default.StringArray) ?? [];
}
