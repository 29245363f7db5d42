using Pyfleet.Core.Fleet;
using Pyfleet.Core.Storage;
using Pyfleet.Server.Tests.Support;

namespace Pyfleet.Server.Tests.Storage;

/// <summary>The fleet store's behaviour, run against every engine (<see cref="SqliteFleetStoreTests"/>, <see cref="PostgresFleetStoreTests"/>).</summary>
public abstract partial class FleetStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A new empty store (advisories and fleet tables).</summary>
    protected abstract Task<IPyfleetStore> CreateWholeStoreAsync();

    private async Task<IFleetStore> CreateStoreAsync() => (await CreateWholeStoreAsync()).Fleet;

    private async Task<FleetService> ServiceAsync() => new(await CreateStoreAsync(), TimeProvider.System);

    [Fact]
    public async Task Ingest_SameDocumentTwice_StoresOnceAndReturnsSameId()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Ingest, "web1", null, null, default)).Token;
        var document = Inventories.Make("web1", T0, ("/srv/app/.venv", ["django==4.2.7", "urllib3==1.26.18"]));

        var first = await fleet.IngestAsync(token, document, default);
        var second = await fleet.IngestAsync(token, document, default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Snapshot, second.Snapshot);
        Assert.Single(await fleet.Store.ListSnapshotsAsync("web1", 10, default));
    }

    [Fact]
    public async Task Who_RangeWithPrereleases_MatchesLatestSnapshotOnly()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        await fleet.IngestAsync(token, Inventories.Make("web1", T0, ("/srv/a/.venv", ["django==4.2.7"])), default);
        await fleet.IngestAsync(token, Inventories.Make("web1", T0.AddHours(1), ("/srv/a/.venv", ["django==4.2.8"])), default);
        await fleet.IngestAsync(token, Inventories.Make("web2", T0, ("/srv/b/.venv", ["Django==4.2.8rc1"]), ("/srv/c/.venv", ["django==5.0"])), default);

        var matches = await fleet.WhoAsync("Django>=4.2,<5", default);

        Assert.Equal([("web1", "/srv/a/.venv", "4.2.8"), ("web2", "/srv/b/.venv", "4.2.8rc1")], matches.Select(m => (m.Host, m.Environment, m.Version)));

        // PEP 440: <4.2.8 excludes 4.2.8's own pre-releases; 4.2.7 is only in web1's older snapshot.
        Assert.Empty(await fleet.WhoAsync("django<4.2.8", default));
        Assert.Equal(["4.2.8", "4.2.8rc1"], (await fleet.WhoAsync("django>=4.2.8rc1,<=4.2.8", default)).Select(m => m.Version));
    }

    [Fact]
    public async Task Who_SharedEnvironment_IsStoredOnceAndReportedPerHost()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        foreach (var host in new[] { "a1", "a2", "a3" })
        {
            await fleet.IngestAsync(token, Inventories.Make(host, T0, ("/opt/shared/.venv", ["urllib3==1.26.18", "requests==2.31.0"])), default);
        }

        var matches = await fleet.WhoAsync("urllib3==1.26.*", default);

        Assert.Equal(["a1", "a2", "a3"], matches.Select(m => m.Host));
        Assert.All(matches, m => Assert.Equal(["shop"], m.Labels));
        Assert.Single((await fleet.Store.VersionsAsync("urllib3", default)));
    }

    [Fact]
    public async Task Ingest_OlderScanAfterNewer_DoesNotMoveLatest()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        var newer = await fleet.IngestAsync(token, Inventories.Make("h", T0.AddDays(1), ("/v", ["six==1.16.0"])), default);
        await fleet.IngestAsync(token, Inventories.Make("h", T0, ("/v", ["six==1.15.0"])), default);

        var host = await fleet.HostAsync("h", default);

        Assert.Equal(newer.Snapshot, host.LatestSnapshot);
        Assert.Empty(await fleet.WhoAsync("six<1.16", default));
    }

    [Fact]
    public async Task Snapshot_Rebuilt_EqualsPushedDocument()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        var document = Inventories.Make("h", T0, ("/v1", ["six==1.16.0"]), ("/v2", ["idna==3.6", "six==1.16.0"]));
        var id = (await fleet.IngestAsync(token, document, default)).Snapshot;

        var rebuilt = await fleet.SnapshotAsync(id, default);

        Assert.Equal(SnapshotContent.Hex(SnapshotContent.Hash(document)), SnapshotContent.Hex(SnapshotContent.Hash(rebuilt)));
    }

    [Fact]
    public async Task Ingest_TokenBoundToOtherHost_IsForbidden()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Ingest, "a", null, null, default)).Token;

        var error = await Assert.ThrowsAsync<FleetException>(() => fleet.IngestAsync(token, Inventories.Make("b", T0), default));

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Authenticate_RevokedOrExpired_IsUnauthorized()
    {
        var store = await CreateStoreAsync();
        var clock = new ManualClock(T0);
        var fleet = new FleetService(store, clock);
        var (revoked, token) = await fleet.CreateTokenAsync(TokenScopes.Read, null, "r", null, default);
        var (expiring, _) = await fleet.CreateTokenAsync(TokenScopes.Read, null, "e", TimeSpan.FromDays(1), default);
        Assert.Equal(token.Id, (await fleet.AuthenticateAsync(revoked, TokenScopes.Read, default)).Id);

        await store.RevokeTokenAsync(token.Id, T0, default);
        clock.Now = T0.AddDays(2);

        Assert.Equal(401, (await Assert.ThrowsAsync<FleetException>(() => fleet.AuthenticateAsync(revoked, TokenScopes.Read, default))).Status);
        Assert.Equal(401, (await Assert.ThrowsAsync<FleetException>(() => fleet.AuthenticateAsync(expiring, TokenScopes.Read, default))).Status);
    }

    [Fact]
    public async Task Who_SqlShapedName_IsJustAName()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        await fleet.IngestAsync(token, Inventories.Make("h", T0, ("/v", ["x'); drop table fleet_hosts; --==1.0"])), default);

        Assert.Empty(await fleet.WhoAsync("six", default));
        Assert.Single(await fleet.Store.ListHostsAsync(default));
    }

    [Fact]
    public async Task Ingest_ConcurrentPushesOfManyHosts_LoseNothing()
    {
        var fleet = await ServiceAsync();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            fleet.IngestAsync(token, Inventories.Make($"h{i % 10}", T0.AddMinutes(i), ("/shared", ["six==1.16.0"]), ($"/own{i}", [$"pkg{i % 3}==1.{i}"])), default))));

        Assert.Equal(10, (await fleet.Store.ListHostsAsync(default)).Count);
        Assert.Equal(10, (await fleet.WhoAsync("six", default)).Count);
        Assert.Equal(40, (await fleet.Store.ListHostsAsync(default)).Sum(h => fleet.Store.ListSnapshotsAsync(h.Name, 100, default).Result.Count));
    }
}
