namespace Pyfleet.Core.Fleet.Findings;

/// <summary>One page of findings and how many match the filter in all.</summary>
public sealed record FindingsPage(IReadOnlyList<FleetFinding> Items, int Total);
