using Pyfleet.Storage.Internal;
using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Migrations;

/// <summary>Migrations on open, on each engine.</summary>
public abstract class MigrationTests<TProvider>(TProvider provider) : StoreTestBase<TProvider>(provider)
    where TProvider : StoreProvider
{
    [Fact]
    public async Task Open_NewStoreThenAgain_AppliesEveryEmbeddedMigrationOnce()
    {
        await OpenAsync(Location); // a second open must not re-apply

        var scripts = MigrationScripts.For(Provider.EngineFolder);
        Assert.True(scripts.Count >= 2);
        Assert.Equal(scripts.Count, await CountAsync("schema_migrations"));
    }

    [Fact]
    public async Task Open_NewStore_HasNoTableThatNothingReads()
    {
        var tables = new List<string>();
        await using var connection = await Provider.ConnectAsync(Location);
        await using var command = connection.CreateCommand();
        command.CommandText = Provider.EngineFolder == "Sqlite"
            ? "SELECT name FROM sqlite_master WHERE type = 'table'"
            : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        Assert.Contains("advisory_record", tables);
        Assert.DoesNotContain("advisory_package", tables);
        Assert.DoesNotContain("advisory_alias", tables);
        Assert.DoesNotContain("store_info", tables);
    }

    [Fact]
    public async Task Open_SeveralAtOnceOnOneNewStore_AllSucceedAndMigrateOnce()
    {
        var location = await Provider.CreateLocationAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => OpenAsync(location))));

        Assert.Equal(MigrationScripts.For(Provider.EngineFolder).Count, await Provider.CountAsync(location, "schema_migrations"));
        foreach (var store in stores)
        {
            Assert.Empty(await store.Snapshots.ListAsync());
        }
    }
}
