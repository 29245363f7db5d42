using Pyfleet.Core.Fleet;
using Pyfleet.Core.Storage;
using Pyfleet.Server.Tests.Support;
using Pyfleet.Storage.Postgres;

namespace Pyfleet.Server.Tests.Storage;

public sealed class PostgresFleetStoreTests(PostgresDatabase database) : FleetStoreContract, IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly List<PostgresStore> _stores = [];

    protected override async Task<IFleetStore> CreateStoreAsync()
    {
        // One database per class: empty it so each test starts from nothing, as on SQLite.
        var store = await PostgresStore.OpenAsync(DatabaseLocation.Parse(database.ConnectionString, "."));
        await using (var connection = new Npgsql.NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "TRUNCATE fleet_tokens, fleet_hosts, fleet_snapshots, fleet_environments, fleet_snapshot_environments, fleet_packages, fleet_environment_packages, fleet_latest", connection);
            await command.ExecuteNonQueryAsync();
        }

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
    }
}
