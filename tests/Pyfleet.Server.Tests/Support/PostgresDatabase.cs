using Npgsql;

namespace Pyfleet.Server.Tests.Support;

/// <summary>
/// A fresh PostgreSQL database per test class on the server named by <c>PYFLEET_TEST_POSTGRES</c> (an admin
/// connection string), dropped afterwards. Unset is a failure, not a skip: a skipped PostgreSQL suite is a failed suite.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _admin;
    private readonly string _name = $"server_test_{Guid.NewGuid():N}";

    public PostgresDatabase()
    {
        _admin = Environment.GetEnvironmentVariable("PYFLEET_TEST_POSTGRES") is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException("PYFLEET_TEST_POSTGRES is not set: the PostgreSQL suite needs a server (.ci/run starts one)");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name, Pooling = true }.ToString();
    }

    public string ConnectionString { get; }

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {_name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
