using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Dashboard.Access;

namespace Pyfleet.Dashboard.Pages.Admin;

/// <summary><c>/admin/tokens</c> (admin scope): every token (never a secret), create one (its secret shown once), revoke one.</summary>
[AdminPage]
public sealed class TokensModel(FleetService fleet, TimeProvider clock) : PageModel
{
    public IReadOnlyList<FleetToken> Tokens { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The new token's secret, in this response only.</summary>
    public string? CreatedSecret { get; private set; }

    public FleetToken? Created { get; private set; }

    [BindProperty(SupportsGet = true)]
    public long? Revoked { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? scope, string? name, string? host, int? days, CancellationToken cancellationToken)
    {
        try
        {
            if (days is <= 0 or > 3650)
            {
                throw FleetException.BadRequest("the lifetime must be between 1 and 3650 days, or empty for no expiry");
            }

            (CreatedSecret, Created) = await fleet.CreateTokenAsync(scope ?? "", Blank(host), Blank(name), days is { } d ? TimeSpan.FromDays(d) : null, cancellationToken);
        }
        catch (FleetException ex) when (ex.Status == 400)
        {
            Error = ex.Message;
            Response.StatusCode = 400;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        if (!await fleet.Store.RevokeTokenAsync(id, clock.GetUtcNow(), cancellationToken))
        {
            throw FleetException.NotFound($"no active token #{id}");
        }

        return LocalRedirect($"/admin/tokens?revoked={id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Tokens = (await fleet.Store.ListTokensAsync(cancellationToken)).OrderByDescending(t => t.Id).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
