using Pyfleet.Core.Fleet;
using Pyfleet.Server.Tests.Support;

namespace Pyfleet.Server.Tests.Storage;

/// <summary>Retention and the job claim on every engine.</summary>
public abstract partial class FleetStoreContract
{
    [Fact]
    public async Task Prune_OldSnapshots_KeepsLatestPerHostAndSharedEnvironments()
    {
        var store = await CreateStoreAsync();
        var clock = new ManualClock(T0);
        var fleet = new FleetService(store, clock);
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, null, null, default)).Token;
        await fleet.IngestAsync(token, Inventories.Make("a", T0, ("/v", ["six==1.15.0"])), default);
        await fleet.IngestAsync(token, Inventories.Make("b", T0, ("/v", ["six==1.15.0"])), default);
        clock.Now = T0.AddDays(100);
        var recent = await fleet.IngestAsync(token, Inventories.Make("a", clock.Now, ("/v", ["six==1.16.0"])), default);

        var pruned = await store.PruneSnapshotsAsync(clock.Now.AddDays(-90), default);

        Assert.Equal(1, pruned);
        Assert.Equal([recent.Snapshot], (await store.ListSnapshotsAsync("a", 10, default)).Select(s => s.Id));
        Assert.Single(await store.ListSnapshotsAsync("b", 10, default));
        Assert.Equal(["b"], (await fleet.WhoAsync("six==1.15.0", default)).Select(m => m.Host));
        Assert.Equal("six==1.15.0", (await fleet.RequirementsAsync("b", "/v", null, default)).Split('\n')[2]);
        Assert.Equal(0, await store.PruneSnapshotsAsync(clock.Now.AddDays(-90), default));
    }

    [Fact]
    public async Task TryRunExclusive_SecondClaimWhileFirstRuns_IsRefused()
    {
        var store = await CreateStoreAsync();
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var first = store.TryRunExclusiveAsync("test-job", async _ => { inside.SetResult(); await release.Task; }, default);
        await inside.Task;
        var second = await store.TryRunExclusiveAsync("test-job", _ => Task.CompletedTask, default);
        var other = await store.TryRunExclusiveAsync("other-job", _ => Task.CompletedTask, default);
        release.SetResult();

        Assert.False(second);
        Assert.True(other);
        Assert.True(await first);
        Assert.True(await store.TryRunExclusiveAsync("test-job", _ => Task.CompletedTask, default));
    }
}
