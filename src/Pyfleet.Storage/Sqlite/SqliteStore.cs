using Microsoft.Data.Sqlite;
using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file, opened in WAL mode, migrated to the latest schema on open.
/// </summary>
public sealed class SqliteStore : IPyfleetStore
{
    private readonly string _connectionString;

    private SqliteStore(DatabaseLocation location)
    {
        var path = location.SqlitePath ?? throw new ArgumentException("not a SQLite location", nameof(location));
        Path = path;
        Location = location;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        Advisories = new SqliteAdvisoryStore(this);
        Snapshots = new SqliteSnapshotStore(this);
        Fleet = new Fleet.SqliteFleetStore(this);
    }

    /// <inheritdoc/>
    public Core.Fleet.IFleetStore Fleet { get; }

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

    /// <inheritdoc/>
    public DatabaseLocation Location { get; }

    /// <inheritdoc/>
    public IAdvisoryStore Advisories { get; }

    /// <inheritdoc/>
    public ISnapshotStore Snapshots { get; }

    /// <summary>Opens (creating when missing) the store at <paramref name="path"/> and applies pending migrations.</summary>
    public static SqliteStore Open(string path) => Open(DatabaseLocation.Sqlite(path));

    /// <summary>Opens (creating when missing) the SQLite store <paramref name="location"/> names and applies pending migrations.</summary>
    public static SqliteStore Open(DatabaseLocation location)
    {
        var store = new SqliteStore(location);
        var directory = System.IO.Path.GetDirectoryName(store.Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

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
        pragma.CommandText = "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Nothing to release: connections are pooled per file by the provider and closed after each use.</summary>
    public void Dispose()
    {
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
