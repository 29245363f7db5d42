using System.Data.Common;
using Npgsql;
using Pyfleet.Core.Storage;
using Pyfleet.Testing.Postgres;

namespace Pyfleet.Storage.Tests.Providers;

/// <summary>
/// PostgreSQL from <c>PYFLEET_TEST_POSTGRES</c>: one new database per test class (dropped after it), one new schema
/// per test. Without the variable every test of the class fails with a message saying how to set it.
/// </summary>
public sealed class PostgresProvider : StoreProvider, IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public PostgresTestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public override string EngineFolder => "Postgres";

    public override async Task<DatabaseLocation> CreateLocationAsync() =>
        DatabaseLocation.Parse(await Database.CreateSchemaAsync(), Environment.CurrentDirectory, "test");

    public override async Task<DbConnection> ConnectAsync(DatabaseLocation location)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task InitializeAsync() => _database = await PostgresServer.CreateDatabaseAsync("storage_test");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
