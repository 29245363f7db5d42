using Pyfleet.Core.Fleet.Events;

namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// Re-analysis of the whole fleet when advisories or EOL data changed: every distinct (name, version) pair not yet
/// judged under the current data version is judged again (pairs, not package instances) and the store applies the
/// differences in one transaction with one <c>sync:…</c> event.
/// </summary>
public sealed class FleetReanalysis(IFleetStore store, AnalysisDataSource data, TimeProvider clock)
{
    /// <summary>Most pairs judged in one transaction (a larger dictionary takes several runs, each its own event).</summary>
    public int BatchSize { get; init; } = 200_000;

    /// <summary>Re-analyses what is stale; the event written, or null when nothing changed.</summary>
    public async Task<FleetEvent?> RunAsync(CancellationToken cancellationToken)
    {
        var judge = await data.CurrentAsync(cancellationToken);
        var stale = await store.StalePairsAsync(judge.Data.Version, BatchSize, cancellationToken);
        if (stale.Count == 0)
        {
            return null;
        }

        var verdicts = judge.Judge(stale.Select(p => (p.Name, p.Version)));
        var pairs = stale.ToDictionary(p => p.Id, p => verdicts[(p.Name, p.Version)]);
        return await store.ApplyReanalysisAsync(AnalysisVersion.Of(judge.Data), pairs, clock.GetUtcNow(), cancellationToken);
    }
}
