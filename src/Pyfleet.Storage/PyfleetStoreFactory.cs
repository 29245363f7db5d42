using Pyfleet.Core.Storage;
using Pyfleet.Storage.Postgres;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Storage;

/// <summary>Opens a <see cref="DatabaseLocation"/> with its engine: <see cref="SqliteStore"/> or <see cref="PostgresStore"/>.</summary>
public sealed class PyfleetStoreFactory : IPyfleetStoreFactory
{
    /// <summary>The one instance a host needs.</summary>
    public static readonly PyfleetStoreFactory Instance = new();

    /// <inheritdoc/>
    public async Task<IPyfleetStore> OpenAsync(DatabaseLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Engine switch
        {
            DatabaseEngine.Postgres => await PostgresStore.OpenAsync(location, cancellationToken),
            _ => SqliteStore.Open(location), // (SQLite opens synchronously: it has no asynchronous I/O)
        };
    }

    /// <inheritdoc/>
    public IPyfleetStore Open(DatabaseLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Engine switch
        {
            DatabaseEngine.Postgres => PostgresStore.Open(location),
            _ => SqliteStore.Open(location),
        };
    }
}
