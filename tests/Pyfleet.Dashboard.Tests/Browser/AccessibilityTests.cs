using Microsoft.Playwright;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Browser;

/// <summary>
/// axe-core on every page at desktop width and at 360 px, no horizontal page scroll on a phone, keyboard focus that
/// is visible, and a Content-Security-Policy that blocks nothing the pages use (the console stays clean).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFixture fixture)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "login", "/login" },
        { "overview", "/" },
        { "hosts-list", "/hosts" },
        { "host-web1", "/hosts/web1" },
        { "host-web1-snapshot1", "/hosts/web1?snapshot=1" },
        { "package-django", "/packages/django" },
        { "labels", "/labels" },
        { "label-shop-impact", "/labels/shop?package=urllib3" },
        { "admin-tokens", "/admin/tokens" },
        { "findings", "/findings" },
        { "findings-high", "/findings?severity=high" },
        { "advisory", "/advisories/PYSEC-2023-192" },
        { "not-found", "/hosts/nosuch" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Desktop_HasNoSeriousOrCriticalAxeViolation(string name, string path)
    {
        await using var visit = await OpenAsync(path, 1280);

        Assert.Empty(await Axe.SeriousViolationsAsync(visit.Page));
        Assert.Empty(visit.ConsoleErrors);
        Assert.Empty(visit.ForeignRequests());
        await Screenshots.SaveAsync(visit.Page, "desktop-" + name);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_360px_FitsTheScreenWithoutAxeViolation(string name, string path)
    {
        await using var visit = await OpenAsync(path, 360);

        var width = await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{path} is {width} px wide at 360 px");
        Assert.Empty(await Axe.SeriousViolationsAsync(visit.Page));
        await Screenshots.SaveAsync(visit.Page, "phone-" + name);
    }

    [Fact]
    public async Task Keyboard_FirstTab_IsTheSkipLinkAndFocusIsVisible()
    {
        await using var visit = await OpenAsync("/hosts/web1", 1280);

        await visit.Page.Keyboard.PressAsync("Tab");
        var focused = await visit.Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        var outline = await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        await visit.Page.Keyboard.PressAsync("Enter");

        Assert.Equal("Skip to content", focused);
        Assert.NotEqual("none", outline);
        Assert.EndsWith("#main", visit.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_LoginFormWorksWithoutMouse()
    {
        await using var visit = await fixture.VisitAsync();
        await visit.GoAsync("/login");

        await visit.Page.GetByLabel("Token").FocusAsync();
        await visit.Page.Keyboard.TypeAsync(fixture.Server.ReadToken);
        var response = await visit.Page.RunAndWaitForResponseAsync(() => visit.Page.Keyboard.PressAsync("Enter"), r => r.Url.EndsWith("/login", StringComparison.Ordinal) && r.Request.Method == "POST");
        await visit.Page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Equal(302, response.Status);

        Assert.Equal("Overview", await visit.Page.Locator("h1").InnerTextAsync());
    }

    private async Task<Visit> OpenAsync(string path, int width)
    {
        var visit = path == "/login" ? await fixture.VisitAsync(width) : await fixture.LoggedInAsync(fixture.Server.AdminToken, width);
        await visit.GoAsync(path);
        return visit;
    }
}
