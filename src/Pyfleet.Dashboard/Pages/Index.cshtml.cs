using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Fleet.Views;
using Pyfleet.Dashboard.Rendering;

namespace Pyfleet.Dashboard.Pages;

/// <summary>
/// <c>/</c>: the fleet at a glance — hosts, environments, packages, vulnerable and end-of-life counts, open findings by
/// severity, the trend (new and resolved findings per day, hosts reporting) and the hosts that stopped reporting.
/// </summary>
public sealed class IndexModel(IFleetViews views, FleetAnalysis analysis, TimeProvider clock, DashboardOptions options) : PageModel
{
    private const int QuietRows = 20;

    public FleetOverview Overview { get; private set; } = null!;

    public FleetCounts Counts { get; private set; } = null!;

    public IReadOnlyList<TrendDay> Trend { get; private set; } = [];

    public HostsPage Quiet { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public TimeSpan QuietAfter => options.QuietAfter;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var quietBefore = Now - options.QuietAfter;
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Overview = await analysis.Findings.OverviewAsync(quietBefore, cancellationToken);
        Counts = await views.FleetCountsAsync(cancellationToken);
        Trend = await analysis.Findings.TrendAsync(today.AddDays(1 - options.TrendDays), today, cancellationToken);
        Quiet = await views.QuietHostsAsync(quietBefore, QuietRows, cancellationToken);
    }
}
