using Microsoft.Playwright;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Browser;

/// <summary>Logging in and out through the form in a real browser.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LoginTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Login_ReadToken_OpensOverviewWithHttpOnlyLaxCookie()
    {
        await using var visit = await fixture.VisitAsync();

        await visit.LogInAsync(fixture.Server.ReadToken);

        Assert.Equal(fixture.Server.Url("/").ToString(), visit.Page.Url);
        Assert.Equal("Overview", await visit.Page.Locator("h1").InnerTextAsync());
        var cookie = Assert.Single(await visit.Context.CookiesAsync(), c => c.Name == "pyfleet_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.False(cookie.Secure); // plain HTTP on loopback; Secure is set on TLS
        Assert.Empty(visit.ForeignRequests());
    }

    [Fact]
    public async Task Login_UnknownToken_StaysOnFormWithMessage()
    {
        await using var visit = await fixture.VisitAsync();

        await visit.LogInAsync("pft_" + new string('A', 43));

        Assert.Contains("/login", visit.Page.Url, StringComparison.Ordinal);
        Assert.Contains("unknown, expired or revoked", await visit.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await visit.Context.CookiesAsync(), c => c.Name == "pyfleet_session");
    }

    [Fact]
    public async Task Login_IngestToken_IsRefused()
    {
        await using var visit = await fixture.VisitAsync();

        await visit.LogInAsync(await fixture.Server.TokenAsync("ingest", "agent"));

        Assert.Contains("scope read or admin", await visit.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutSession_RedirectsToLoginThenBackToIt()
    {
        await using var visit = await fixture.VisitAsync();

        await visit.GoAsync("/hosts/web1?snapshot=1");
        Assert.StartsWith(fixture.Server.Url("/login").ToString(), visit.Page.Url, StringComparison.Ordinal);
        await visit.Page.GetByLabel("Token").FillAsync(fixture.Server.ReadToken);
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        Assert.Equal(fixture.Server.Url("/hosts/web1?snapshot=1").ToString(), visit.Page.Url);
        Assert.Contains("web1", await visit.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await visit.GoAsync("/hosts");

        Assert.StartsWith(fixture.Server.Url("/login").ToString(), visit.Page.Url, StringComparison.Ordinal);
    }
}
