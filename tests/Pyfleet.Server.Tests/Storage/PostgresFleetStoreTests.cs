using Pyfleet.Core.Storage;
using Pyfleet.Storage.Postgres;
using Pyfleet.Testing.Postgres;

namespace Pyfleet.Server.Tests.Storage;

/// <summary>The fleet store contract on PostgreSQL: one database for the class, a fresh schema (a new empty store) per test.</summary>
public sealed class PostgresFleetStoreTests(PostgresDatabaseFixture database) : FleetStoreContract, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly List<PostgresStore> _stores = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-fleet-pg-").FullName;

    protected override string TempFolder => _folder;

    protected override async Task<IPyfleetStore> CreateWholeStoreAsync()
    {
        var store = await PostgresStore.OpenAsync(DatabaseLocation.Parse(await database.Database.CreateSchemaAsync(), "."));
        _stores.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
