using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet;
using Pyfleet.Storage.Fleet.Internal;
using Pyfleet.Storage.Postgres.Fleet;
using Pyfleet.Storage.Sqlite.Fleet;

namespace Pyfleet.Storage.Fleet;

/// <summary>
/// Opens the fleet store the configuration names: <c>PYFLEET_DATABASE</c> / <c>[database] url</c> as a libpq URL
/// (<c>postgresql://user[:password]@host:port/db</c>) or an Npgsql key-value string selects PostgreSQL; nothing
/// (or <c>sqlite:PATH</c>) is the SQLite file of the data folder.
/// </summary>
public static class FleetStores
{
    public static async Task<IFleetStore> OpenAsync(string? database, string sqlitePath, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(database))
        {
            return SqliteFleetStore.Open(sqlitePath);
        }

        if (database.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return SqliteFleetStore.Open(database["sqlite:".Length..]);
        }

        var connectionString = PostgresUrl.ToConnectionString(database)
            ?? throw new PyfleetException("the database is neither a postgresql:// URL, an Npgsql connection string nor sqlite:PATH", "PYFLEET_DATABASE");
        try
        {
            return await PostgresFleetStore.OpenAsync(connectionString, cancellationToken);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new PyfleetException($"cannot open the PostgreSQL store {PostgresUrl.Describe(connectionString)}: {ex.Message}", "PYFLEET_DATABASE", null, ex);
        }
    }
}
