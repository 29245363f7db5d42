namespace Pyfleet.Core.Fleet.Findings;

/// <summary>
/// The fleet's current findings as the server's analysis keeps them. Read by the API, the dashboard, the feeds
/// and the notifier; written only by the analysis.
/// </summary>
public interface IFleetFindings
{
    /// <summary>One page of the current findings matching <paramref name="filter"/>, and how many match in all.</summary>
    Task<FindingsPage> FindingsAsync(FindingsFilter filter, CancellationToken cancellationToken);

    /// <summary>Every UTC day from <paramref name="from"/> to <paramref name="to"/> (both included, at most 366), oldest first.</summary>
    Task<IReadOnlyList<TrendDay>> TrendAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Counts for the fleet; hosts last seen before <paramref name="staleBefore"/> count as stopped reporting; suppressions expire against now.</summary>
    Task<FleetOverview> OverviewAsync(DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        OverviewAsync(staleBefore, DateTimeOffset.UtcNow, cancellationToken);

    /// <summary><see cref="OverviewAsync(DateTimeOffset, CancellationToken)"/> with suppressions judged at <paramref name="asOf"/> (the server's clock).</summary>
    Task<FleetOverview> OverviewAsync(DateTimeOffset staleBefore, DateTimeOffset asOf, CancellationToken cancellationToken);
}
