using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Dashboard.Rendering;

namespace Pyfleet.Dashboard.Pages.Findings;

/// <summary>
/// <c>/findings.csv</c> and <c>/findings.json</c>: every finding the same filters select (from the first row, at most
/// <see cref="MaxRows"/>), in the API's formats (<see cref="FindingsCsv"/>, <see cref="FindingsResponse"/>), for a
/// logged-in browser. When more match, the CSV says so in <c>X-Total-Count</c> and the JSON in <c>total</c>.
/// </summary>
public sealed class ExportModel(FleetAnalysis analysis, DashboardOptions options) : PageModel
{
    public const int MaxRows = 10_000;

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        var query = FindingsQuery.From(Request.Query, options.PageSize);
        var filter = query.Filter(MaxRows);
        var page = await analysis.Findings.FindingsAsync(filter, cancellationToken);
        Response.Headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (format == "csv")
        {
            Response.Headers.ContentDisposition = "attachment; filename=\"findings.csv\"";
            return Content(FindingsCsv.Write(page.Items), "text/csv; charset=utf-8");
        }

        var coverage = await analysis.CoverageAsync(cancellationToken);
        var body = new FindingsResponse(page.Items, page.Total, filter.Offset, filter.Limit, coverage.Advisories, coverage.Lifecycle, coverage.Version ?? "");
        return Content(JsonSerializer.Serialize(body, FleetJson.Default.FindingsResponse), "application/json; charset=utf-8");
    }
}
