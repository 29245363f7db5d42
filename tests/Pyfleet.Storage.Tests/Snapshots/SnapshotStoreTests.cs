using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Snapshots;

/// <summary>The snapshot store contract, run against each engine (<see cref="SqliteSnapshotStoreTests"/>, <see cref="PostgresSnapshotStoreTests"/>).</summary>
public abstract class SnapshotStoreTests<TProvider>(TProvider provider) : StoreTestBase<TProvider>(provider)
    where TProvider : StoreProvider
{
    protected ISnapshotStore Snapshots => Store.Snapshots;

    [Fact]
    public async Task Load_AfterSave_ReturnsExactlyTheSavedJson()
    {
        var document = SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7"), SnapshotDocuments.Declared(), SnapshotDocuments.System());

        var id = await Snapshots.SaveAsync(document);

        Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(await Snapshots.LoadAsync(id)));
    }

    [Fact]
    public async Task Load_AfterSaveOfNoEnvironments_ReturnsTheHeaderAndWarnings()
    {
        var document = SnapshotDocuments.Document();

        var loaded = await Snapshots.LoadAsync(await Snapshots.SaveAsync(document));

        Assert.Empty(loaded.Environments);
        Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(loaded));
    }

    [Fact]
    public async Task Save_UnchangedEnvironments_AreStoredOnceAndSharedBySnapshots()
    {
        var first = SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7"), SnapshotDocuments.Venv("/srv/b/.venv", "flask", "3.0.0"), SnapshotDocuments.Declared());
        var second = first with
        {
            ScannedAt = first.ScannedAt.AddDays(1),
            Environments = [first.Environments[0], SnapshotDocuments.Venv("/srv/b/.venv", "flask", "3.0.3"), first.Environments[2]],
        };

        var firstId = await Snapshots.SaveAsync(first);
        var secondId = await Snapshots.SaveAsync(second);
        var thirdId = await Snapshots.SaveAsync(second);

        Assert.Equal(4, await CountAsync("environment_documents")); // three from the first scan, one changed environment after
        Assert.Equal(9, await CountAsync("snapshot_environments"));
        Assert.Equal(InventoryJson.Serialize(first), InventoryJson.Serialize(await Snapshots.LoadAsync(firstId)));
        Assert.Equal(InventoryJson.Serialize(second), InventoryJson.Serialize(await Snapshots.LoadAsync(secondId)));
        Assert.Equal(InventoryJson.Serialize(second), InventoryJson.Serialize(await Snapshots.LoadAsync(thirdId)));
    }

    [Fact]
    public async Task Save_SameEnvironmentTwiceInOneScan_IsStoredOnceAndReadTwice()
    {
        var environment = SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7");
        var document = SnapshotDocuments.Document(environment, environment);

        var loaded = await Snapshots.LoadAsync(await Snapshots.SaveAsync(document));

        Assert.Equal(1, await CountAsync("environment_documents"));
        Assert.Equal(2, loaded.Environments.Count);
        Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(loaded));
    }

    [Fact]
    public async Task Save_TwoStoresOfOneDatabaseAtOnce_ShareTheEnvironmentRows()
    {
        var document = SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7"), SnapshotDocuments.Venv("/srv/b/.venv", "flask", "3.0.0"));
        var other = await OpenAsync(Location);

        var ids = await Task.WhenAll(Snapshots.SaveAsync(document), other.Snapshots.SaveAsync(document), Snapshots.SaveAsync(document));

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(2, await CountAsync("environment_documents"));
        foreach (var id in ids)
        {
            Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(await other.Snapshots.LoadAsync(id)));
        }
    }

    [Fact]
    public async Task Load_UnknownId_IsAnInputError()
    {
        var error = await Assert.ThrowsAsync<PyfleetException>(() => Snapshots.LoadAsync(42));

        Assert.Contains("no snapshot with id 42", error.Message);
    }

    [Fact]
    public async Task Load_DamagedEnvironment_IsAnErrorNamingTheSnapshotAndTheStore()
    {
        var id = await Snapshots.SaveAsync(SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7")));
        await ExecuteAsync("UPDATE environment_documents SET content = @content", ("content", Convert.FromHexString("1f8b0800000000000000ffff")));

        var error = await Assert.ThrowsAsync<PyfleetException>(() => Snapshots.LoadAsync(id));

        Assert.Contains($"snapshot {id} is damaged", error.Message);
        Assert.Equal(Location.ToString(), error.Path);
    }

    [Fact]
    public async Task Load_MissingEnvironmentRows_IsAnErrorNotAShorterDocument()
    {
        var id = await Snapshots.SaveAsync(SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7"), SnapshotDocuments.Venv("/srv/b/.venv", "flask", "3.0.0")));
        await ExecuteAsync("DELETE FROM snapshot_environments WHERE ordinal = 1");

        var error = await Assert.ThrowsAsync<PyfleetException>(() => Snapshots.LoadAsync(id));

        Assert.Contains("1 of its 2 environments", error.Message);
    }

    [Fact]
    public async Task Load_LayoutFromANewerPyfleet_IsAnErrorNotAGuess()
    {
        var id = await Snapshots.SaveAsync(SnapshotDocuments.Document());
        await ExecuteAsync("UPDATE snapshots SET layout = 9");

        var error = await Assert.ThrowsAsync<PyfleetException>(() => Snapshots.LoadAsync(id));

        Assert.Contains("layout 9", error.Message);
    }

    [Fact]
    public async Task LatestAndList_SeveralHosts_FilterAndOrderNewestFirst()
    {
        Assert.Null(await Snapshots.LatestAsync());
        var web = await Snapshots.SaveAsync(SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7")));
        var db = await Snapshots.SaveAsync(SnapshotDocuments.Document() with { Host = new HostInfo { Name = "db1" } });

        Assert.Equal(db, await Snapshots.LatestAsync());
        Assert.Equal(web, await Snapshots.LatestAsync("web1"));
        Assert.Null(await Snapshots.LatestAsync("mail1"));
        var list = await Snapshots.ListAsync();
        Assert.Equal([db, web], list.Select(s => s.Id));
        Assert.Equal((1, 1, 1), list.Single(s => s.Id == web) is var s ? (s.EnvironmentCount, s.PackageCount, s.WarningCount) : default);
        Assert.Equal(SnapshotDocuments.Document().ScannedAt, list[0].ScannedAt);
        Assert.Equal([db], (await Snapshots.ListAsync(limit: 1)).Select(s => s.Id));
    }
}
