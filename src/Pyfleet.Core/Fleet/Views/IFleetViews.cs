namespace Pyfleet.Core.Fleet.Views;

/// <summary>
/// Read models over each host's latest snapshot that the dashboard shows and the plain fleet store does not answer
/// in one query: fleet counts, quiet hosts, a page of hosts, labels (which environments a site uses) and where a
/// package runs, grouped by distinct environment. Every query is bounded by its answer, never by the fleet's
/// package instances (docs/dashboard.md). Implemented beside the fleet store for both engines.
/// </summary>
public interface IFleetViews
{
    /// <summary>Hosts, environments and packages in the hosts' latest snapshots.</summary>
    Task<FleetCounts> FleetCountsAsync(CancellationToken cancellationToken);

    /// <summary>Hosts last seen before <paramref name="lastSeenBefore"/>, longest quiet first.</summary>
    Task<HostsPage> QuietHostsAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken);

    /// <summary>Hosts whose name contains <paramref name="search"/> (all when null), by name.</summary>
    Task<HostsPage> HostsAsync(string? search, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Every label used by an environment of a latest snapshot, with how many distinct environments carry it.</summary>
    Task<IReadOnlyList<LabelUse>> LabelsAsync(CancellationToken cancellationToken);

    /// <summary>The distinct environments carrying <paramref name="label"/> in latest snapshots (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<EnvironmentUse>> LabelEnvironmentsAsync(string label, int limit, CancellationToken cancellationToken);

    /// <summary>Each version of <paramref name="name"/> (PEP 503) in latest snapshots, with how many hosts and environments run it.</summary>
    Task<IReadOnlyList<PackageVersionUse>> PackageVersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// The distinct environments that hold <paramref name="name"/> in latest snapshots, optionally only those carrying
    /// <paramref name="label"/>: what an upgrade of that package would touch.
    /// </summary>
    Task<IReadOnlyList<PackageEnvironmentUse>> PackageEnvironmentsAsync(string name, string? label, int limit, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="limit"/> instances (by host, environment) of one version of a package in latest snapshots.</summary>
    Task<IReadOnlyList<WhoMatch>> InstancesAsync(string name, string version, int limit, CancellationToken cancellationToken);
}
