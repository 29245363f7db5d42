using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet.Views;

namespace Pyfleet.Dashboard.Pages.Hosts;

/// <summary><c>/hosts?q=&amp;page=</c>: every host by name, searchable, paginated.</summary>
public sealed class IndexModel(IFleetViews views, DashboardOptions options, TimeProvider clock) : PageModel
{
    public HostsPage Hosts { get; private set; } = null!;

    public string? Query { get; private set; }

    public int PageNumber { get; private set; }

    public int Pages { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public DateTimeOffset QuietBefore { get; private set; }

    public async Task OnGetAsync(string? q, int? page, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        QuietBefore = Now - options.QuietAfter;
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        PageNumber = Math.Max(1, page ?? 1);
        Hosts = await views.HostsAsync(Query, (PageNumber - 1) * options.PageSize, options.PageSize, cancellationToken);
        Pages = Math.Max(1, (Hosts.Total + options.PageSize - 1) / options.PageSize);
    }

    public string PageLink(int page) => "/hosts?" + (Query is null ? "" : "q=" + Uri.EscapeDataString(Query) + "&") + "page=" + page;
}
