using Microsoft.Playwright;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Browser;

/// <summary>
/// Findings from the server's own analysis of the pushed inventories against OSV's real PyPI export: filter, sort,
/// download, open an advisory by alias, and the overview's counts and trend.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FindingsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Findings_FilterSeverityHigh_ShowsOnlyHighOrCritical()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/findings");

        await visit.Page.GetByLabel("Severity at least").SelectOptionAsync("high");
        await visit.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        Assert.Contains("severity=high", visit.Page.Url, StringComparison.Ordinal);
        var table = visit.Page.GetByRole(AriaRole.Table, new() { Name = "Findings 1–" });
        var severities = await table.Locator("tbody tr td:first-child .sev").AllInnerTextsAsync();
        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Contains(s, new[] { "high", "critical" }));
        var text = await table.InnerTextAsync();
        Assert.Contains("PYSEC-2023-192", text, StringComparison.Ordinal); // urllib3 1.26.4 in the shop venv: CVSS 8.1
        Assert.Contains("1.26.17", text, StringComparison.Ordinal);
        Assert.Empty(visit.ForeignRequests());
        await Screenshots.SaveAsync(visit.Page, "findings-high");
    }

    [Fact]
    public async Task Findings_CsvLink_DownloadsEveryRowOfTheSameFilter()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/findings?package=urllib3&sort=host&order=asc");
        var status = await visit.Page.GetByRole(AriaRole.Status).InnerTextAsync();

        var download = await visit.Page.RunAndWaitForDownloadAsync(() => visit.Page.GetByRole(AriaRole.Link, new() { Name = "CSV", Exact = true }).ClickAsync());
        var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("findings.csv", download.SuggestedFilename);
        Assert.Equal(Core.Fleet.Findings.FindingsCsv.Header, lines[0]);
        Assert.StartsWith($"{lines.Length - 1} findings match", status, StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Contains(",urllib3,", line, StringComparison.Ordinal));
        var hosts = lines.Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(hosts.Order(StringComparer.Ordinal), hosts);
        Assert.Contains("old1", hosts);
    }

    [Fact]
    public async Task Findings_JsonLink_KeepsTheFiltersAndSaysDataWasLoaded()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/findings?label=shop&kind=vulnerability");

        var href = await visit.Page.GetByRole(AriaRole.Link, new() { Name = "JSON", Exact = true }).GetAttributeAsync("href");
        var response = await visit.GoAsync(href!);
        using var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync());

        Assert.Equal("/findings.json?kind=vulnerability&label=shop", href);
        Assert.True(json.RootElement.GetProperty("advisoriesLoaded").GetBoolean());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Contains("shop", f.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
        Assert.Equal(findings.Count, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Findings_SortHeader_TogglesOrder()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/findings");

        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Host", Exact = true }).ClickAsync();
        var ascending = await HostColumnAsync(visit);
        await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Host (ascending)" }).ClickAsync();
        var descending = await HostColumnAsync(visit);

        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(descending.OrderDescending(StringComparer.Ordinal), descending);
        Assert.Equal("descending", await visit.Page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
    }

    [Fact]
    public async Task Findings_BadFilterValue_Is400Page()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        var response = await visit.GoAsync("/findings?severity=bogus");

        Assert.Equal(400, response.Status);
        Assert.Contains("severity 'bogus' is not one of", await visit.Page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Advisory_ByCveAlias_ShowsSummarySeverityHostsAndFix()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);

        await visit.GoAsync("/advisories/CVE-2023-43804");

        Assert.Equal("Advisory PYSEC-2023-192", await visit.Page.Locator("h1").InnerTextAsync());
        var facts = await visit.Page.Locator("dl.facts").InnerTextAsync();
        Assert.Contains("high", facts, StringComparison.Ordinal);
        Assert.Contains("GHSA-v845-jxx5-vc9f", facts, StringComparison.Ordinal);
        var fixes = await visit.Page.GetByRole(AriaRole.Table, new() { Name = "Each affected package version" }).InnerTextAsync();
        Assert.Contains("urllib3\t1.26.4\t1.26.17", fixes, StringComparison.Ordinal);
        var affected = await visit.Page.GetByRole(AriaRole.Table, new() { Name = "Open findings of PYSEC-2023-192" }).InnerTextAsync();
        Assert.Contains("web1", affected, StringComparison.Ordinal);
        Assert.Contains("web2", affected, StringComparison.Ordinal);
        Assert.Contains("old1", affected, StringComparison.Ordinal);
        Assert.DoesNotContain("db1", affected, StringComparison.Ordinal); // urllib3 2.0.7 is fixed
        await Screenshots.SaveAsync(visit.Page, "advisory");
    }

    [Fact]
    public async Task Overview_ShowsCountsSeverityTrendAndQuietHost()
    {
        await using var visit = await fixture.LoggedInAsync(fixture.Server.ReadToken);
        await visit.GoAsync("/");

        var fleet = await visit.Page.Locator("section[aria-labelledby=fleet]").InnerTextAsync();
        Assert.Contains("Hosts\n4", fleet, StringComparison.Ordinal);
        Assert.Contains("Environments\n7", fleet, StringComparison.Ordinal);
        Assert.Contains("Packages\n7", fleet, StringComparison.Ordinal);
        var high = await visit.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "high" }).First.InnerTextAsync();
        Assert.DoesNotContain("\t0\t", high, StringComparison.Ordinal);
        Assert.Equal(1, await visit.Page.Locator("svg.chart").CountAsync());
        Assert.True(await visit.Page.Locator("svg.chart rect.bar-new").CountAsync() > 0);
        var quiet = await visit.Page.GetByRole(AriaRole.Table, new() { Name = "silent for more than" }).InnerTextAsync();
        Assert.Contains("old1", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("web1", quiet, StringComparison.Ordinal);
        await Screenshots.SaveAsync(visit.Page, "overview");
    }

    private static async Task<IReadOnlyList<string>> HostColumnAsync(Visit visit)
    {
        var table = visit.Page.GetByRole(AriaRole.Table, new() { Name = "Findings 1–" });
        var header = await table.Locator("thead th").AllInnerTextsAsync();
        var column = header.ToList().FindIndex(h => h.StartsWith("Host", StringComparison.Ordinal)) + 1;
        return await table.Locator($"tbody tr td:nth-child({column})").AllInnerTextsAsync();
    }
}
