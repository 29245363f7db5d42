using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Views;
using Pyfleet.Dashboard.Tests.Support;

namespace Pyfleet.Dashboard.Tests.Views;

/// <summary>The dashboard's read models over the seed fleet, the same on both engines.</summary>
public abstract class FleetViewsContract
{
    protected abstract Task<IFleetStore> CreateStoreAsync();

    [Fact]
    public async Task Counts_SeedFleet_CountLatestSnapshotsOnly()
    {
        var views = await SeededAsync();

        var counts = await views.FleetCountsAsync(default);

        // web1 (2 envs), web2 (2), db1 (2), old1 (1); web1/web2 share the shop venv's content.
        Assert.Equal(new FleetCounts(4, 7, 6, 7, 13, 19), counts);
    }

    [Fact]
    public async Task QuietHosts_BeforeCutoff_ListsOnlyHostsNotSeenSince()
    {
        var views = await SeededAsync();

        var quiet = await views.QuietHostsAsync(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), 10, default);

        Assert.Equal(1, quiet.Total);
        Assert.Equal("old1", Assert.Single(quiet.Items).Name);
    }

    [Fact]
    public async Task Hosts_SearchAndPage_FilterByNamePartInOrder()
    {
        var views = await SeededAsync();

        var page = await views.HostsAsync("WEB", 1, 1, default);

        Assert.Equal(2, page.Total);
        Assert.Equal("web2", Assert.Single(page.Items).Name);
        Assert.Equal(0, (await views.HostsAsync("we%", 0, 10, default)).Total); // LIKE metacharacters are literal
    }

    [Fact]
    public async Task Labels_SeedFleet_EachLabelWithItsDistinctEnvironments()
    {
        var views = await SeededAsync();

        var labels = await views.LabelsAsync(default);

        Assert.Equal(["billing:1", "blog:1", "legacy:1", "ops:2", "shop:1"], labels.Select(l => $"{l.Label}:{l.Environments}"));
    }

    [Fact]
    public async Task LabelEnvironments_SharedVenv_OneRowWithHostCountAndPython()
    {
        var views = await SeededAsync();

        var shop = Assert.Single(await views.LabelEnvironmentsAsync("shop", 100, default));

        Assert.Equal(("/srv/shop/.venv", "3.11.2", 4, 2, "web1"), (shop.Path, shop.Python, shop.PackageCount, shop.Hosts, shop.FirstHost));
        Assert.Empty(await views.LabelEnvironmentsAsync("SHOP", 100, default)); // exact, even where LIKE ignores case
        Assert.Empty(await views.LabelEnvironmentsAsync("sho", 100, default));
    }

    [Fact]
    public async Task PackageVersions_Django_EveryVersionInLatestSnapshots()
    {
        var views = await SeededAsync();

        var versions = (await views.PackageVersionsAsync("django", default)).OrderBy(v => v.Version, StringComparer.Ordinal).ToList();

        Assert.Equal(["2.2.28:1:1:legacy", "3.2.18:2:2:billing,shop", "4.2.8:1:1:blog"],
            versions.Select(v => $"{v.Version}:{v.Hosts}:{v.Environments}:{string.Join(',', v.Labels)}"));
    }

    [Fact]
    public async Task PackageEnvironments_WithLabel_OnlyThatLabelsEnvironments()
    {
        var views = await SeededAsync();

        var all = await views.PackageEnvironmentsAsync("urllib3", null, 100, default);
        var shop = Assert.Single(await views.PackageEnvironmentsAsync("urllib3", "shop", 100, default));

        Assert.Equal(4, all.Count); // shop venv, web1's system site, db1's tools venv, old1's legacy venv
        Assert.Equal(("/srv/shop/.venv", "1.26.4", 2), (shop.Path, shop.Version, shop.Hosts));
    }

    [Fact]
    public async Task Instances_OneVersion_HostsInOrderUpToLimit()
    {
        var views = await SeededAsync();

        var instances = await views.InstancesAsync("django", "3.2.18", 1, default);

        Assert.Equal("web1", Assert.Single(instances).Host);
    }

    private async Task<IFleetViews> SeededAsync()
    {
        var store = await CreateStoreAsync();
        var clock = new ManualClock(Fixtures.PushOrder[0].ReceivedAt);
        var fleet = new FleetService(store, clock);
        var (_, token) = await fleet.CreateTokenAsync(TokenScopes.Ingest, null, "seed", null, default);
        foreach (var (name, receivedAt) in Fixtures.PushOrder)
        {
            clock.Now = receivedAt;
            await fleet.IngestAsync(token, Fixtures.Document(name), default);
        }

        return (IFleetViews)store;
    }
}
