using System.Net;
using Pyfleet.Core.Fleet;
using Pyfleet.Server.Tests.Support;
using static Pyfleet.Server.Tests.Api.FleetApiTests;
using Env = Pyfleet.Server.Tests.Support.Inventories.Environment;

namespace Pyfleet.Server.Tests.Api;

/// <summary>The findings and who-by-advisory endpoints over HTTP, the analysis reading the store's advisories and an imported EOL copy.</summary>
public sealed class FindingsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FleetFactory _factory = new();
    private HttpClient _read = null!;

    public async Task InitializeAsync()
    {
        await AnalysisFixtures.SeedAdvisoriesAsync(_factory.Whole.Advisories, "first", T0);
        await AnalysisFixtures.ImportLifecycleAsync(_factory.EolDirectory);
        var ingest = _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest));
        Assert.Equal(HttpStatusCode.Created, (await Push(ingest, Inventories.Labelled("web1", T0, new Env("/srv/shop/.venv", ["shop"], "3.11.4", "django==4.2.6")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Push(ingest, Inventories.Labelled("web2", T0, new Env("/srv/blog/.venv", ["blog", "site-b"], "3.8.10", "six==1.16.0")))).StatusCode);
        _read = _factory.Client(await _factory.TokenAsync(TokenScopes.Read));
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Findings_Json_ListsFindingsTotalAndDataLoaded()
    {
        var body = await Json(await _read.GetAsync("/api/v1/findings?severity=high&sort=advisory&order=asc"));

        Assert.Equal(2, body.GetProperty("total").GetInt32());
        Assert.True(body.GetProperty("advisoriesLoaded").GetBoolean());
        Assert.True(body.GetProperty("lifecycleLoaded").GetBoolean());
        var findings = body.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["GHSA-9hhx-2mjq-9frw", "PYSEC-2023-226"], findings.Select(f => f.GetProperty("advisoryId").GetString()));
        Assert.Equal("4.2.7", findings[1].GetProperty("fixedVersion").GetString());
        Assert.Equal("CVE-2023-46695", findings[1].GetProperty("aliases")[0].GetString());
        Assert.Equal("web1", findings[1].GetProperty("host").GetString());
        Assert.Equal(JsonNull, findings[1].GetProperty("suppressedBecause").ValueKind);
    }

    [Fact]
    public async Task Findings_Csv_HasHeaderAndOneLinePerFinding()
    {
        var response = await _read.GetAsync("/api/v1/findings?kind=eol&format=csv&sort=host&order=asc");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Core.Fleet.Findings.FindingsCsv.Header, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("web1,/srv/shop/.venv,venv,shop,django,4.2.6,,eol,,,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("web2,/srv/blog/.venv,venv,blog site-b,python,3.8.10,,eol,,,Python 3.8 reached end of life on 2024-10-07,medium,3.14.7,2024-10-07", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GHSA-qrw5-5h28-6cmg")]
    [InlineData("CVE-2023-46695")]
    [InlineData("pysec-2023-226")]
    public async Task Who_Vuln_AnyAliasFindsTheHost(string id)
    {
        var matches = (await Json(await _read.GetAsync($"/api/v1/who?vuln={id}"))).GetProperty("matches").EnumerateArray().ToList();

        Assert.Equal(["web1"], matches.Select(m => m.GetProperty("host").GetString()));
        Assert.Equal("4.2.6", matches[0].GetProperty("version").GetString());
    }

    [Fact]
    public async Task Who_Eol_ListsPackagesAndInterpretersPastEndOfLife()
    {
        var matches = (await Json(await _read.GetAsync("/api/v1/who?eol=true"))).GetProperty("matches").EnumerateArray();

        Assert.Equal([("web1", "django", "4.2.6"), ("web2", "python", "3.8.10")], matches.Select(m => (m.GetProperty("host").GetString(), m.GetProperty("package").GetString(), m.GetProperty("version").GetString())));
    }

    [Theory]
    [InlineData("/api/v1/who?spec=django&vuln=CVE-2023-46695")]
    [InlineData("/api/v1/who?eol=yes")]
    [InlineData("/api/v1/who")]
    [InlineData("/api/v1/findings?severity=urgent")]
    [InlineData("/api/v1/findings?sort=name")]
    [InlineData("/api/v1/findings?limit=0")]
    [InlineData("/api/v1/findings?format=xml")]
    [InlineData("/api/v1/findings/trend?from=yesterday")]
    public async Task BadQuery_IsProblem400(string url)
    {
        await AssertProblem(await _read.GetAsync(url), 400);
    }

    [Fact]
    public async Task Findings_IngestToken_IsForbidden()
    {
        var ingest = _factory.Client(await _factory.TokenAsync(TokenScopes.Ingest));

        await AssertProblem(await ingest.GetAsync("/api/v1/findings"), 403);
    }

    [Fact]
    public async Task Overview_And_Trend_CountTheFleet()
    {
        var overview = await Json(await _read.GetAsync("/api/v1/overview"));
        var trend = await Json(await _read.GetAsync("/api/v1/findings/trend?from=2026-10-31&to=2026-11-01"));
        var events = await Json(await _read.GetAsync("/api/v1/events?after=0"));

        Assert.Equal(2, overview.GetProperty("hosts").GetInt32());
        Assert.Equal(4, overview.GetProperty("openFindings").GetInt32());
        Assert.Equal(1, overview.GetProperty("bySeverity").GetProperty("critical").GetInt32());
        Assert.Equal([0, 4], trend.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("new").GetInt32()));
        Assert.Equal(["snapshot:1", "snapshot:2"], events.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
