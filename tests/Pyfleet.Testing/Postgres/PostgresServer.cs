using Npgsql;

namespace Pyfleet.Testing.Postgres;

/// <summary>
/// The PostgreSQL server the tests use: <c>PYFLEET_TEST_POSTGRES</c>, an admin connection string (Npgsql
/// key-value) that may create and drop databases. <c>.ci/run</c> starts a server and sets it; on a workstation set
/// it yourself (<c>export PYFLEET_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres'</c>). Without it the
/// PostgreSQL tests fail, never skip: a skipped PostgreSQL suite would pass while testing nothing.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "PYFLEET_TEST_POSTGRES";

    /// <summary>The admin connection string; throws, saying how to set it, when the variable is missing.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: the PostgreSQL half of the store tests needs a server. Run .ci/run, or start one and " +
                $"export {EnvironmentVariable}='Host=127.0.0.1;Port=5432;Username=postgres' (an admin that may CREATE DATABASE).");

    /// <summary>Creates an empty database named <paramref name="prefix"/>_ + a random suffix; dispose the result to drop it.</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(name, new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString);
    }

    /// <summary>Drops <paramref name="name"/>, closing any connection still open to it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
