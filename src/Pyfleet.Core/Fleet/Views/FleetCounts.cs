namespace Pyfleet.Core.Fleet.Views;

/// <summary>What the hosts' latest snapshots hold.</summary>
/// <param name="Hosts">Hosts the fleet knows.</param>
/// <param name="Environments">Environment instances in latest snapshots (the same venv on two hosts counts twice).</param>
/// <param name="DistinctEnvironments">Distinct environment contents among those.</param>
/// <param name="Packages">Distinct package names in latest snapshots.</param>
/// <param name="PackageVersions">Distinct (name, version) pairs in latest snapshots.</param>
/// <param name="PackageInstances">Package instances in latest snapshots (sum over hosts).</param>
public sealed record FleetCounts(int Hosts, int Environments, int DistinctEnvironments, int Packages, int PackageVersions, long PackageInstances);
