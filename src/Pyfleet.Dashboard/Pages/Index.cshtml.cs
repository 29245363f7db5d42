using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet.Views;

namespace Pyfleet.Dashboard.Pages;

/// <summary><c>/</c>: the fleet at a glance.</summary>
public sealed class IndexModel(IFleetViews views, TimeProvider clock, DashboardOptions options) : PageModel
{
    public FleetCounts Counts { get; private set; } = null!;

    public HostsPage Quiet { get; private set; } = null!;

    public DateTimeOffset QuietBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        QuietBefore = clock.GetUtcNow() - options.QuietAfter;
        Counts = await views.FleetCountsAsync(cancellationToken);
        Quiet = await views.QuietHostsAsync(QuietBefore, 20, cancellationToken);
    }
}
