namespace Pyfleet.Core.Fleet.Views;

/// <summary>A page of hosts and how many match in all.</summary>
public sealed record HostsPage(IReadOnlyList<FleetHost> Items, int Total);
