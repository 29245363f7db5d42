using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Dashboard.Pages.Hosts;

/// <summary>
/// <c>/hosts/{name}/requirements?environment=PATH&amp;snapshot=ID</c>: the pinned requirements.txt of one environment
/// as it was in a snapshot, for a browser that is logged in (the same text as
/// <c>/api/v1/hosts/{name}/environments/{path}/requirements</c>, which wants a bearer token).
/// </summary>
public sealed class RequirementsModel(FleetService fleet) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string name, string? environment, long? snapshot, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(environment))
        {
            throw FleetException.BadRequest("say which environment: ?environment=PATH");
        }

        var text = await fleet.RequirementsAsync(name, environment, snapshot, cancellationToken);
        var file = $"{name}-{environment.Trim('/').Replace('/', '_')}-{snapshot?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest"}-requirements.txt";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = file, Inline = false }.ToString();
        return Content(text, "text/plain; charset=utf-8");
    }
}
