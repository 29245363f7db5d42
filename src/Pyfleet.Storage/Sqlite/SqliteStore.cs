using Microsoft.Data.Sqlite;

namespace Pyfleet.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, opened in WAL mode, migrated to the latest schema on open.
/// </summary>
public sealed class SqliteStore
{
    private readonly string _connectionString;

    private SqliteStore(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Loads SQLite (the native library, the provider, the interop stubs) without touching any store: a process
    /// calls it on a spare core as it starts, so that the first real open does not pay for it.
    /// </summary>
    public static void WarmUp()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        using var reader = command.ExecuteReader();
        reader.Read();
        _ = reader.GetValue(0);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public static SqliteStore Open(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var store = new SqliteStore(path);
        using var connection = store.OpenConnection();
        SqliteMigrator.Apply(connection);
        return store;
    }

    /// <summary>A new open connection with the pragmas every connection needs.</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
