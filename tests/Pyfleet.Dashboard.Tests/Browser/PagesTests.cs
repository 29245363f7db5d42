using Microsoft.Playwright;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Browser;

/// <summary>The pages over the seeded fleet show the facts that were pushed.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Host_Web1_ShowsOsEnvironmentsPackagesHistoryAndChanges()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        await visit.GoAsync("/hosts/web1");

        var main = await visit.Page.Locator("main").InnerTextAsync();
        Assert.Contains("Debian GNU/Linux 12 (bookworm)", main, StringComparison.Ordinal);
        Assert.Contains("/srv/shop/.venv", main, StringComparison.Ordinal);
        Assert.Contains("3.11.2 (cpython)", main, StringComparison.Ordinal);
        Assert.Contains("Django 3.2.18", main, StringComparison.Ordinal);
        Assert.Contains("urllib3 1.26.12 (dpkg python3-urllib3)", main, StringComparison.Ordinal);
        var history = visit.Page.GetByRole(AriaRole.Table, new() { Name = "most recent snapshots" });
        Assert.Equal(3, await history.GetByRole(AriaRole.Row).CountAsync()); // header + 2 snapshots
        var changes = await visit.Page.GetByRole(AriaRole.Table, new() { Name = "change from snapshot #1 to #2" }).InnerTextAsync();
        Assert.Contains("changed\tdjango\t3.2.17\t3.2.18\t/srv/shop/.venv", changes, StringComparison.Ordinal);
        Assert.Empty(visit.ForeignRequests());
        await Screenshots.SaveAsync(visit.Page, "host");
    }

    [Fact]
    public async Task Host_ExportOfOlderSnapshot_DownloadsItsPins()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/hosts/web1");
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "#1", Exact = true }).ClickAsync();

        var download = await visit.Page.RunAndWaitForDownloadAsync(() =>
            visit.Page.GetByRole(AriaRole.Link, new() { Name = "requirements.txt of /srv/shop/.venv as of snapshot 1" }).ClickAsync());
        var text = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Contains("Django==3.2.17", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3.2.18", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_Django_ListsEveryVersionWithItsHosts()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        await visit.GoAsync("/packages/Django");

        var rows = visit.Page.GetByRole(AriaRole.Table, new() { Name = "Each installed version" }).Locator("tbody tr");
        Assert.Equal(["4.2.8", "3.2.18", "2.2.28"], await rows.Locator("th").AllInnerTextsAsync());
        var v3218 = await rows.Nth(1).InnerTextAsync();
        Assert.Contains("web1, web2", v3218, StringComparison.Ordinal);
        Assert.Contains("billing", v3218, StringComparison.Ordinal);
        Assert.DoesNotContain("3.2.17", await visit.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal); // not in a latest snapshot
        await Screenshots.SaveAsync(visit.Page, "package");
    }

    [Fact]
    public async Task Label_Shop_ShowsSharedEnvironmentAndWhatAnUpgradeTouches()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/labels/shop");
        var environments = await visit.Page.GetByRole(AriaRole.Table, new() { Name = "Distinct environments carrying shop" }).InnerTextAsync();
        Assert.Contains("/srv/shop/.venv", environments, StringComparison.Ordinal);

        await visit.Page.GetByLabel("Package to upgrade").FillAsync("URLLIB3");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Show the impact" }).ClickAsync();

        var impact = await visit.Page.GetByRole(AriaRole.Status).InnerTextAsync();
        Assert.Contains("touches the labels billing shop", impact, StringComparison.Ordinal);
        var table = await visit.Page.GetByRole(AriaRole.Table, new() { Name = "Environments of shop holding urllib3" }).InnerTextAsync();
        Assert.Contains("1.26.4", table, StringComparison.Ordinal);
        Assert.Contains("\t2\t", table, StringComparison.Ordinal); // web1 and web2 share it
        await Screenshots.SaveAsync(visit.Page, "label");
    }

    [Fact]
    public async Task Hosts_Search_FindsByNamePart()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        await visit.GoAsync("/hosts");
        await visit.Page.GetByLabel("Host name contains").FillAsync("web");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var rows = visit.Page.GetByRole(AriaRole.Table).Locator("tbody th");
        Assert.Equal(["web1", "web2"], await rows.AllInnerTextsAsync());
    }

    [Fact]
    public async Task Hosts_QuietHost_IsMarkedAsStoppedReporting()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        await visit.GoAsync("/hosts");

        var old = await visit.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "old1" }).InnerTextAsync();
        Assert.Contains("9 days ago (stopped reporting)", old, StringComparison.Ordinal);
        await Screenshots.SaveAsync(visit.Page, "hosts");
    }

    [Fact]
    public async Task UnknownHost_Is404PageInTheLayout()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        var response = await visit.GoAsync("/hosts/nosuch");

        Assert.Equal(404, response.Status);
        Assert.Equal("Not found", await visit.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await visit.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).CountAsync());
    }
}
