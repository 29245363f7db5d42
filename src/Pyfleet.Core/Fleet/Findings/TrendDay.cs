namespace Pyfleet.Core.Fleet.Findings;

/// <summary>One UTC day of the findings trend: findings first seen, findings resolved, hosts that reported (push or heartbeat).</summary>
public sealed record TrendDay(DateOnly Day, int New, int Resolved, int HostsReporting);
