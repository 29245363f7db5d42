namespace Pyfleet.Storage.Fleet.Internal;

/// <summary>The columns and joins every finding read shares (list, event items).</summary>
internal static class FleetFindingsSql
{
    public const string Columns = """
        f.id, h.name AS host, f.path, e.kind AS env_kind, e.labels, f.package_id, p.name, p.version, ep.os_package, f.finding_key,
        pf.kind, pf.advisory_id, pf.aliases, pf.summary, pf.severity, pf.fixed_version, pf.eol_date, NULL AS suppressed,
        coalesce(h.latest_snapshot_id, 0) AS snapshot, f.first_seen_ms
        """;

    public const string LeftJoins = """
        FROM fleet_findings f
        JOIN fleet_hosts h ON h.id = f.host_id
        JOIN fleet_environments e ON e.id = f.environment_id
        JOIN fleet_packages p ON p.id = f.package_id
        LEFT JOIN fleet_environment_packages ep ON ep.environment_id = f.environment_id AND ep.package_id = f.package_id
        LEFT JOIN fleet_pair_findings pf ON pf.package_id = f.package_id AND pf.finding_key = f.finding_key
        """;
}
