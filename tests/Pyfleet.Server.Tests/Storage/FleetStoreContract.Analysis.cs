using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Storage;
using Pyfleet.Server.Tests.Support;
using Env = Pyfleet.Server.Tests.Support.Inventories.Environment;

namespace Pyfleet.Server.Tests.Storage;

/// <summary>
/// The analysis on every engine: findings of three hosts judged with the fixture advisories and the endoflife.date
/// copy at 2026-11-01 (django 4.2 and Python 3.8 are past their end of life then).
/// </summary>
public abstract partial class FleetStoreContract
{
    /// <summary>A folder for this test class's files (the EOL copy).</summary>
    protected abstract string TempFolder { get; }

    private async Task<(IPyfleetStore Store, FleetService Fleet, ManualClock Clock, AnalysisDataSource Data)> AnalysedFleetAsync()
    {
        var store = await CreateWholeStoreAsync();
        var clock = new ManualClock(T0);
        await AnalysisFixtures.SeedAdvisoriesAsync(store.Advisories, "first", T0);
        var eol = Path.Combine(TempFolder, Guid.NewGuid().ToString("N"), "products");
        await AnalysisFixtures.ImportLifecycleAsync(eol);
        var data = new AnalysisDataSource(store.Advisories, eol, clock);
        var fleet = new FleetService(store.Fleet, clock, data);
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        await fleet.IngestAsync(token, Inventories.Labelled("web1", T0, new Env("/srv/shop/.venv", ["shop"], "3.11.4", "Django==4.2.6", "six==1.16.0")), default);
        await fleet.IngestAsync(token, Inventories.Labelled("web2", T0, new Env("/srv/blog/.venv", ["blog"], "3.8.10", "django==5.2.1")), default);
        await fleet.IngestAsync(token, Inventories.Labelled("web3", T0, new Env("/srv/api/.venv", ["api"], "3.12.1", "urllib3==1.26.18")), default);
        return (store, fleet, clock, data);
    }

    private static Task<FindingsPage> FindAsync(IPyfleetStore store, FindingsFilter filter) => store.Fleet.Findings.FindingsAsync(filter, default);

    [Fact]
    public async Task Findings_AfterIngest_AdvisoriesAndEolPerInstanceWithMinimalFix()
    {
        var (store, _, _, _) = await AnalysedFleetAsync();

        var all = await FindAsync(store, new FindingsFilter(Sort: "advisory", Descending: false));

        Assert.Equal(4, all.Total);
        Assert.Equal(
            [("web1", "django", "4.2.6", "vulnerability", "GHSA-9hhx-2mjq-9frw", "critical", "4.2.9"), ("web1", "django", "4.2.6", "vulnerability", "PYSEC-2023-226", "high", "4.2.7"),
             ("web1", "django", "4.2.6", "eol", null, "medium", "6.1"), ("web2", "python", "3.8.10", "eol", null, "medium", "3.14.7")],
            all.Items.Select(f => (f.Host, f.Package, f.Version, f.Kind, f.AdvisoryId, f.Severity, f.FixedVersion)).ToList());
        // The alias group is named as audit names it (its PYSEC id), every other id an alias.
        var denial = all.Items.Single(f => f.AdvisoryId == "PYSEC-2023-226");
        Assert.Equal(["CVE-2023-46695", "GHSA-qrw5-5h28-6cmg"], denial.Aliases);
        Assert.Equal(["shop"], denial.Labels);
        Assert.Equal(T0, denial.FirstSeen);
        Assert.Equal(new DateOnly(2024, 10, 7), all.Items.Single(f => f.Package == "python").EolDate);
    }

    [Theory]
    [InlineData("severity=critical", "GHSA-9hhx-2mjq-9frw")]
    [InlineData("severity=high", "GHSA-9hhx-2mjq-9frw PYSEC-2023-226")]
    [InlineData("kind=eol", "eol:django@4.2 eol:python@3.8")]
    [InlineData("package=python", "eol:python@3.8")]
    [InlineData("package=Django", "GHSA-9hhx-2mjq-9frw PYSEC-2023-226 eol:django@4.2")]
    [InlineData("advisory=cve-2023-46695", "PYSEC-2023-226")]
    [InlineData("host=web2", "eol:python@3.8")]
    [InlineData("label=blog", "eol:python@3.8")]
    [InlineData("fixAvailable=false", "")]
    [InlineData("environmentKind=conda", "")]
    public async Task Findings_Filter_SelectsOnlyMatching(string filter, string expected)
    {
        var (store, _, _, _) = await AnalysedFleetAsync();
        var (name, value) = (filter.Split('=')[0], filter.Split('=')[1]);
        var query = new FindingsFilter(Sort: "advisory", Descending: false) switch
        {
            var f when name == "severity" => f with { Severity = value },
            var f when name == "kind" => f with { Kind = value },
            var f when name == "package" => f with { Package = value },
            var f when name == "advisory" => f with { Advisory = value },
            var f when name == "host" => f with { Host = value },
            var f when name == "label" => f with { Label = value },
            var f when name == "fixAvailable" => f with { FixAvailable = bool.Parse(value) },
            var f => f with { EnvironmentKind = value },
        };

        var page = await FindAsync(store, query);

        Assert.Equal(expected, string.Join(' ', page.Items.Select(f => f.AdvisoryId ?? $"eol:{f.Package}@{string.Join('.', f.Version.Split('.').Take(2))}").Order(StringComparer.Ordinal)));
        Assert.Equal(page.Items.Count, page.Total);
    }

    [Fact]
    public async Task Findings_Paged_TotalCountsEveryMatchAndOrderIsStable()
    {
        var (store, _, _, _) = await AnalysedFleetAsync();

        var first = await FindAsync(store, new FindingsFilter(Sort: "severity", Limit: 2));
        var second = await FindAsync(store, new FindingsFilter(Sort: "severity", Limit: 2, Offset: 2));

        Assert.Equal(4, first.Total);
        Assert.Equal(4, second.Total);
        Assert.Equal(["critical", "high", "medium", "medium"], first.Items.Concat(second.Items).Select(f => f.Severity));
        Assert.Equal(["web1", "web2"], second.Items.Select(f => f.Host));
    }

    [Fact]
    public async Task Ingest_NewFindings_AppendsSnapshotEventInSameTransaction()
    {
        var (store, fleet, clock, _) = await AnalysedFleetAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        clock.Now = T0.AddHours(1);

        var upgraded = await fleet.IngestAsync(token, Inventories.Labelled("web1", clock.Now, new Env("/srv/shop/.venv", ["shop"], "3.11.4", "django==5.2.1", "six==1.16.0")), default);
        var regressed = await fleet.IngestAsync(token, Inventories.Labelled("web3", clock.Now, new Env("/srv/api/.venv", ["api"], "3.12.1", "django==4.2.8")), default);

        var events = await store.Fleet.Events.EventsAfterAsync(0, 100, default);
        Assert.Equal(["snapshot:1", "snapshot:2", $"snapshot:{regressed.Snapshot}"], events.Select(e => e.Key));
        Assert.DoesNotContain(events, e => e.Key == $"snapshot:{upgraded.Snapshot}");
        var last = events[^1];
        Assert.Equal(FleetEventCauses.Snapshot, last.Cause);
        Assert.Equal(
            [("new", "vulnerability", "web3", "django", "4.2.8", "GHSA-9hhx-2mjq-9frw"), ("new", "eol", "web3", "django", "4.2.8", null)],
            last.Items.Select(i => (i.Change, i.Kind, i.Host, i.Package, i.Version, i.AdvisoryId)).OrderByDescending(i => i.Kind).ToList());
        Assert.Equal(["api"], last.Items[0].Labels);
        Assert.Equal([events[^1].Id], (await store.Fleet.Events.EventsAfterAsync(events[^2].Id, 10, default)).Select(e => e.Id));
    }

    [Fact]
    public async Task Ingest_UpgradeResolvesFindings_TrendCountsNewAndResolvedPerDay()
    {
        var (store, fleet, clock, _) = await AnalysedFleetAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        clock.Now = T0.AddDays(1);
        await fleet.IngestAsync(token, Inventories.Labelled("web1", clock.Now, new Env("/srv/shop/.venv", ["shop"], "3.11.4", "django==5.2.1")), default);
        await store.Fleet.TouchHostAsync("web2", clock.Now, default);

        var trend = await store.Fleet.Findings.TrendAsync(DateOnly.FromDateTime(T0.UtcDateTime).AddDays(-1), DateOnly.FromDateTime(clock.Now.UtcDateTime), default);

        Assert.Equal([(0, 0, 0), (4, 0, 3), (0, 3, 2)], trend.Select(d => (d.New, d.Resolved, d.HostsReporting)));
        Assert.Equal(new DateOnly(2026, 11, 2), trend[^1].Day);
        Assert.Single((await FindAsync(store, new FindingsFilter())).Items);
    }

    [Fact]
    public async Task Overview_CountsHostsFindingsBySeverityAndStaleHosts()
    {
        var (store, _, _, _) = await AnalysedFleetAsync();
        await store.Fleet.TouchHostAsync("web1", T0.AddDays(3), default);

        var overview = await store.Fleet.Findings.OverviewAsync(T0.AddDays(2), default);

        Assert.Equal((3, 2, 3, 4L), (overview.Hosts, overview.StaleHosts, overview.Environments, overview.PackageInstances));
        Assert.Equal((1, 2, null), (overview.Vulnerable, overview.EndOfLife, overview.Outdated));
        Assert.Equal([("critical", 1), ("high", 1), ("low", 0), ("medium", 2), ("unknown", 0)], overview.BySeverity.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value)));
        Assert.Equal(4, overview.OpenFindings);
        Assert.True(overview.AdvisoriesLoaded);
        Assert.True(overview.LifecycleLoaded);
    }

    [Fact]
    public async Task Who_ByAnyAliasOrEol_MatchesLatestInstances()
    {
        var (_, fleet, _, _) = await AnalysedFleetAsync();

        foreach (var alias in new[] { "GHSA-qrw5-5h28-6cmg", "ghsa-qrw5-5h28-6cmg", "CVE-2023-46695", "PYSEC-2023-226" })
        {
            Assert.Equal([("web1", "django", "4.2.6")], (await fleet.WhoVulnerableAsync(alias, default)).Select(m => (m.Host, m.Package, m.Version)));
        }

        Assert.Empty(await fleet.WhoVulnerableAsync("CVE-1999-0001", default));
        Assert.Equal([("web1", "django", "4.2.6"), ("web2", "python", "3.8.10")], (await fleet.WhoEndOfLifeAsync(default)).Select(m => (m.Host, m.Package, m.Version)));
    }

    [Fact]
    public async Task Reanalysis_AdvisoriesChanged_WritesSyncEventWithNewChangedWithdrawn()
    {
        var (store, fleet, clock, data) = await AnalysedFleetAsync();
        clock.Now = T0.AddHours(2);
        await AnalysisFixtures.SeedAdvisoriesAsync(store.Advisories, "second", clock.Now);

        var written = await new FleetReanalysis(store.Fleet, data, clock).RunAsync(default);
        var again = await new FleetReanalysis(store.Fleet, data, clock).RunAsync(default);

        Assert.NotNull(written);
        Assert.Null(again);
        var stored = (await store.Fleet.Events.LatestEventsAsync(1, default)).Single();
        Assert.Equal((written.Key, FleetEventCauses.Sync), (stored.Key, stored.Cause));
        Assert.StartsWith("sync:2026-11-01T10:00:00", stored.Key, StringComparison.Ordinal);
        Assert.Equal(
            [("changed", "web1", "GHSA-9hhx-2mjq-9frw", "4.2.10"), ("new", "web3", "PYSEC-2024-60", "1.26.19"), ("withdrawn", "web1", "PYSEC-2023-226", "4.2.7")],
            stored.Items.Select(i => (i.Change, i.Host, i.AdvisoryId, i.FixedVersion)).OrderBy(i => i.Change, StringComparer.Ordinal).ToList());
        Assert.Equal(["web3"], (await fleet.WhoVulnerableAsync("GHSA-34jh-p97f-mpxf", default)).Select(m => m.Host));
        Assert.Empty(await fleet.WhoVulnerableAsync("CVE-2023-46695", default));
        Assert.Equal(4, (await FindAsync(store, new FindingsFilter())).Total);
    }
}
