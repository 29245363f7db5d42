using Pyfleet.Core.Fleet;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Postgres;
using Pyfleet.Testing.Postgres;

namespace Pyfleet.Dashboard.Tests.Views;

/// <summary>The views on PostgreSQL: one fresh database per test (created and dropped by the shared fixture).</summary>
public sealed class PostgresFleetViewsTests : FleetViewsContract, IAsyncLifetime
{
    private readonly List<PostgresTestDatabase> _databases = [];
    private readonly List<PostgresStore> _stores = [];

    protected override async Task<IFleetStore> CreateStoreAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync("dashboard_views");
        _databases.Add(database);
        var store = await PostgresStore.OpenAsync(DatabaseLocation.Parse(database.ConnectionString, "."));
        _stores.Add(store);
        return store.Fleet;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }
}
