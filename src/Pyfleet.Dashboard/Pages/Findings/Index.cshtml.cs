using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Dashboard.Rendering;

namespace Pyfleet.Dashboard.Pages.Findings;

/// <summary><c>/findings</c>: the fleet's current findings, filtered, sorted and paginated, with CSV and JSON downloads of the same filter.</summary>
public sealed class IndexModel(FleetAnalysis analysis, DashboardOptions options) : PageModel
{
    public FindingsQuery Query { get; private set; } = null!;

    public FindingsPage Result { get; private set; } = null!;

    public AnalysisCoverage Coverage { get; private set; } = null!;

    public int Pages => Math.Max(1, (Result.Total + Query.PageSize - 1) / Query.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = FindingsQuery.From(Request.Query, options.PageSize);
        Coverage = await analysis.CoverageAsync(cancellationToken);
        Result = await analysis.Findings.FindingsAsync(Query.Filter(), cancellationToken);
    }
}
