using System.Net;
using System.Net.Http.Json;
using Pyfleet.Core.Fleet;
using Pyfleet.Server.Tests.Support;
using static Pyfleet.Server.Tests.Api.FleetApiTests;
using Env = Pyfleet.Server.Tests.Support.Inventories.Environment;

namespace Pyfleet.Server.Tests.Api;

/// <summary>The suppressions admin API and how findings reflect it (SuppressedBecause, includeSuppressed, expiry).</summary>
public sealed class SuppressionsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FleetFactory _factory = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await AnalysisFixtures.SeedAdvisoriesAsync(_factory.Whole.Advisories, "first", T0);
        await AnalysisFixtures.ImportLifecycleAsync(_factory.EolDirectory);
        _admin = _factory.Client(await _factory.TokenAsync(TokenScopes.Admin));
        Assert.Equal(HttpStatusCode.Created, (await Push(_admin, Inventories.Labelled("web1", T0, new Env("/srv/shop/.venv", ["shop"], "3.11.4", "django==4.2.6")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Push(_admin, Inventories.Labelled("web2", T0, new Env("/srv/blog/.venv", ["blog"], "3.8.10", "django==4.2.6")))).StatusCode);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Suppression_ByAliasAndLabel_HidesOnlyThoseFindingsUntilDeleted()
    {
        var before = await TotalAsync("/api/v1/findings");

        var created = await _admin.PostAsJsonAsync("/api/v1/suppressions", new { advisory = "cve-2023-46695", label = "blog", reason = "only on Windows; blog runs on Linux", expiresAt = T0.AddDays(30) });
        var id = (await Json(created)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(before - 1, await TotalAsync("/api/v1/findings"));
        var all = (await Json(await _admin.GetAsync("/api/v1/findings?includeSuppressed=true&advisory=PYSEC-2023-226&sort=host&order=asc"))).GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal([("web1", null), ("web2", "only on Windows; blog runs on Linux")], all.Select(f => (f.GetProperty("host").GetString(), f.GetProperty("suppressedBecause").GetString())));
        var overview = await Json(await _admin.GetAsync("/api/v1/overview"));
        Assert.Equal(1, overview.GetProperty("suppressedFindings").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/v1/suppressions/{id}")).StatusCode);
        Assert.Equal(before, await TotalAsync("/api/v1/findings"));
        await AssertProblem(await _admin.DeleteAsync($"/api/v1/suppressions/{id}"), 404);
    }

    [Fact]
    public async Task Suppression_Expired_NoLongerHides()
    {
        var before = await TotalAsync("/api/v1/findings");
        await _admin.PostAsJsonAsync("/api/v1/suppressions", new { package = "Django", reason = "upgrade planned", expiresAt = T0.AddDays(1) });
        Assert.Equal(before - 6, await TotalAsync("/api/v1/findings"));

        _factory.Clock.Now = T0.AddDays(2);

        Assert.Equal(before, await TotalAsync("/api/v1/findings"));
        var listed = (await Json(await _admin.GetAsync("/api/v1/suppressions"))).GetProperty("suppressions").EnumerateArray().Single();
        Assert.Equal("django", listed.GetProperty("package").GetString());
    }

    [Theory]
    [InlineData("""{"reason": "no scope"}""")]
    [InlineData("""{"host": "web1"}""")]
    [InlineData("""{"host": "../etc", "reason": "x"}""")]
    [InlineData("""{"host": "web1", "reason": "x", "expiresAt": "2020-01-01T00:00:00Z"}""")]
    [InlineData("""[1, 2]""")]
    public async Task Suppression_BadBody_IsProblem400(string body)
    {
        var response = await _admin.PostAsync("/api/v1/suppressions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblem(response, 400);
    }

    [Fact]
    public async Task Suppressions_ReadToken_IsForbidden()
    {
        var read = _factory.Client(await _factory.TokenAsync(TokenScopes.Read));

        await AssertProblem(await read.GetAsync("/api/v1/suppressions"), 403);
        await AssertProblem(await read.PostAsJsonAsync("/api/v1/suppressions", new { host = "web1", reason = "x" }), 403);
    }

    private async Task<int> TotalAsync(string url) => (await Json(await _admin.GetAsync(url))).GetProperty("total").GetInt32();
}
