namespace Pyfleet.Core.Fleet.Findings;

/// <summary>The fleet at a glance (the dashboard's home and <c>GET /api/v1/overview</c>).</summary>
/// <remarks>
/// <para><c>Environments</c>: Environments in the hosts' latest snapshots (a venv shared by three hosts counts three times).</para>
/// <para><c>PackageInstances</c>: Installed packages in the hosts' latest snapshots.</para>
/// <para><c>PackageVersions</c>: Distinct (name, version) pairs the fleet has ever stored.</para>
/// <para><c>Vulnerable</c>, <c>EndOfLife</c>: Package instances (interpreters included for EOL) with at least one open, unsuppressed finding of that kind.</para>
/// <para><c>Outdated</c>: Always null on the server: it holds no release data (use <c>pyfleet outdated</c> on a host).</para>
/// <para><c>BySeverity</c>: Open unsuppressed findings per severity name (every name present, 0 when none).</para>
/// <para><c>StaleHosts</c>: Hosts whose last push or heartbeat is older than the asked-for instant.</para>
/// <para><c>AdvisoriesLoaded</c>, <c>LifecycleLoaded</c>: Whether the analysis had advisories and an endoflife.date copy (without them, no findings is not "clean").</para>
/// </remarks>
public sealed record FleetOverview(
    int Hosts,
    int StaleHosts,
    int Environments,
    long PackageInstances,
    int PackageVersions,
    int Vulnerable,
    int EndOfLife,
    int? Outdated,
    IReadOnlyDictionary<string, int> BySeverity,
    int OpenFindings,
    int SuppressedFindings,
    bool AdvisoriesLoaded,
    bool LifecycleLoaded,
    string? DataVersion);
