using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Dashboard.Access;

namespace Pyfleet.Dashboard.Pages;

/// <summary><c>/login</c>: a read or admin token in, the login cookie out (<see cref="SessionCookie"/>).</summary>
[AnonymousPage]
public sealed class LoginModel(FleetService fleet, DashboardOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        var secret = token?.Trim();
        try
        {
            await fleet.AuthenticateAsync(secret, TokenScopes.Read, cancellationToken);
        }
        catch (FleetException ex)
        {
            Error = ex.Status == 403
                ? "This token cannot open the dashboard: use a token of scope read or admin."
                : "That token is unknown, expired or revoked. Check it and try again.";
            Response.StatusCode = ex.Status;
            return Page();
        }

        SessionCookie.Write(Response, secret!, options.SessionLifetime);
        return LocalRedirect(LocalReturnUrl.Sanitize(ReturnUrl));
    }
}
