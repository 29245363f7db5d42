using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Inventory;
using Pyfleet.Dashboard.Rendering;

namespace Pyfleet.Dashboard.Pages.Hosts;

/// <summary>
/// <c>/hosts/{name}</c>: OS, environments (Python, labels, packages), the host's findings, its snapshot history and
/// what changed in one snapshot; <c>?snapshot=ID</c> shows an older snapshot.
/// </summary>
public sealed class HostModel(FleetService fleet, FleetAnalysis analysis, TimeProvider clock) : PageModel
{
    private const int HistoryRows = 30;

    public FleetHost Host { get; private set; } = null!;

    public long SnapshotId { get; private set; }

    public InventoryDocument Document { get; private set; } = null!;

    public IReadOnlyList<FleetSnapshotSummary> History { get; private set; } = [];

    public SnapshotDiff? Diff { get; private set; }

    public FindingsPage? Findings { get; private set; }

    public AnalysisCoverage Coverage { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public bool IsLatest => SnapshotId == Host.LatestSnapshot;

    public async Task OnGetAsync(string name, long? snapshot, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Host = await fleet.HostAsync(name, cancellationToken);
        (SnapshotId, Document) = await fleet.HostSnapshotAsync(name, snapshot, cancellationToken);
        History = await fleet.Store.ListSnapshotsAsync(name, HistoryRows, cancellationToken);
        var previous = History.SkipWhile(s => s.Id != SnapshotId).Skip(1).FirstOrDefault();
        if (previous is not null)
        {
            Diff = await fleet.DiffAsync(name, previous.Id, SnapshotId, cancellationToken);
        }

        Coverage = await analysis.CoverageAsync(cancellationToken);
        if (IsLatest)
        {
            Findings = await analysis.Findings.FindingsAsync(new FindingsFilter(Host: name, Limit: 200), cancellationToken);
        }
    }
}
