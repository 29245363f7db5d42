namespace Pyfleet.Core.Fleet.Views;

/// <summary>One installed version of a package across latest snapshots.</summary>
/// <remarks>
/// <para><c>Environments</c>: Environment instances holding it.</para>
/// <para><c>Labels</c>: Every label of those environments, sorted.</para>
/// </remarks>
public sealed record PackageVersionUse(string Version, int Hosts, int Environments, IReadOnlyList<string> Labels);
