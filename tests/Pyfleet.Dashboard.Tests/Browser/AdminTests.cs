using Microsoft.Playwright;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Browser;

/// <summary>Token administration through the admin pages.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AdminTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Tokens_CreateThenRevoke_RevokedTokenNoLongerLogsIn()
    {
        await using var admin = await fixture.LoggedInAsync(fixture.Server.AdminToken);
        await admin.GoAsync("/admin/tokens");
        await admin.Page.GetByLabel("Scope").SelectOptionAsync("read");
        await admin.Page.GetByLabel("Name").FillAsync("temporary reader");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secret = (await admin.Page.Locator("#new-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("pft_", secret, StringComparison.Ordinal);
        await using (var reader = await fixture.LoggedInAsync(secret))
        {
            Assert.Equal("Overview", await reader.Page.Locator("h1").InnerTextAsync());
        }

        await admin.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Revoke token #\\d+ temporary reader$") }).ClickAsync();

        Assert.Contains("is revoked", await admin.Page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        var row = await admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "temporary reader" }).InnerTextAsync();
        Assert.Contains("revoked", row, StringComparison.Ordinal);
        await using var again = await fixture.VisitAsync();
        await again.LogInAsync(secret);
        Assert.Contains("unknown, expired or revoked", await again.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(admin.Page, "admin-tokens");
    }

    [Fact]
    public async Task RevokedToken_EndsOpenSession()
    {
        var secret = await fixture.Server.TokenAsync("read", "short-lived");
        await using var reader = await fixture.LoggedInAsync(secret);
        var id = (await fixture.Server.Fleet.Store.ListTokensAsync(default)).Single(t => t.Name == "short-lived").Id;

        await fixture.Server.Fleet.Store.RevokeTokenAsync(id, fixture.Server.Clock.Now, default);
        await reader.GoAsync("/hosts");

        Assert.Contains("/login?expired=1", reader.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await reader.Context.CookiesAsync(), c => c.Name == "pyfleet_session");
    }

    [Fact]
    public async Task Tokens_ReadSession_IsForbiddenAndHasNoAdminLinks()
    {
        await using var reader = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        Assert.Equal(0, await reader.Page.GetByRole(AriaRole.Link, new() { Name = "Tokens" }).CountAsync());
        var response = await reader.GoAsync("/admin/tokens");

        Assert.Equal(403, response.Status);
        Assert.Contains("needs an admin token", await reader.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }
}
