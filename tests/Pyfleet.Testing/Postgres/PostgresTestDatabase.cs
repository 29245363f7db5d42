using Npgsql;

namespace Pyfleet.Testing.Postgres;

/// <summary>One uniquely named database on the test server; disposing it drops it.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private int _schemas;

    internal PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>An Npgsql key-value string for it (the admin's user and password).</summary>
    public string ConnectionString { get; }

    /// <summary>The same as a libpq URL (<c>postgresql://user[:password]@host:port/db</c>), as a user would write it.</summary>
    public string Url => ToUrl(ConnectionString);

    /// <summary>
    /// A new empty schema in this database and a connection string whose search path puts it first: a fresh store
    /// for one test, much cheaper than a database each (tests of one class share the database, not their tables).
    /// </summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"t{Interlocked.Increment(ref _schemas)}";
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    /// <summary>Runs <paramref name="sql"/> in this database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => new(PostgresServer.DropDatabaseAsync(Name));

    private static string ToUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(builder.Username ?? "postgres");
        var password = builder.Password is { Length: > 0 } p ? ":" + Uri.EscapeDataString(p) : "";
        var host = builder.Host ?? "127.0.0.1";
        var hostPart = host.StartsWith('/') ? "" : host;
        var socket = host.StartsWith('/') ? $"&host={Uri.EscapeDataString(host)}" : "";
        return $"postgresql://{user}{password}@{hostPart}:{builder.Port}/{Uri.EscapeDataString(builder.Database!)}?application_name=pyfleet-tests{socket}";
    }
}
