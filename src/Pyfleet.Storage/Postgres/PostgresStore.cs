using Npgsql;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Postgres;

/// <summary>
/// The store in a PostgreSQL database (a fleet server, or hosts sharing one store): one pooled data source,
/// migrated on open under an advisory lock. The database must exist; its tables are created by the migrations.
/// </summary>
public sealed class PostgresStore : IPyfleetStore
{
    private PostgresStore(DatabaseLocation location, NpgsqlDataSource dataSource)
    {
        Location = location;
        DataSource = dataSource;
        Advisories = new PostgresAdvisoryStore(this);
        Snapshots = new PostgresSnapshotStore(this);
        Fleet = new Fleet.PostgresFleetStore(dataSource);
    }

    /// <inheritdoc/>
    public Core.Fleet.IFleetStore Fleet { get; }

    /// <inheritdoc/>
    public DatabaseLocation Location { get; }

    /// <inheritdoc/>
    public IAdvisoryStore Advisories { get; }

    /// <inheritdoc/>
    public ISnapshotStore Snapshots { get; }

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>Connects to <paramref name="location"/> and applies pending migrations.</summary>
    public static async Task<PostgresStore> OpenAsync(DatabaseLocation location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var connectionString = location.ConnectionString ?? throw new ArgumentException("not a PostgreSQL location", nameof(location));
        NpgsqlDataSource dataSource;
        try
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            settings.ApplicationName ??= "pyfleet";
            // The slim builder: the types this store uses (text, integers, bytea, timestamptz, arrays), without the
            // reflection-based JSON and dynamic mappings that trimming the single-file CLI would cut away.
            dataSource = new NpgsqlSlimDataSourceBuilder(settings.ConnectionString).EnableArrays().Build();
        }
        catch (ArgumentException ex)
        {
            throw new PyfleetException($"not a usable PostgreSQL connection string: {ex.Message}", location.ToString(), inner: ex);
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await PostgresMigrator.ApplyAsync(connection, cancellationToken);
            return new PostgresStore(location, dataSource);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            await dataSource.DisposeAsync();
            throw new PyfleetException($"cannot open the store: {ex.Message}", location.ToString(), inner: ex);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <see cref="OpenAsync"/>, waited for: the network dominates here, and the audit calls it from a worker thread
    /// that has nothing else to do meanwhile.
    /// </summary>
    public static PostgresStore Open(DatabaseLocation location) => OpenAsync(location).GetAwaiter().GetResult();

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => DataSource.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
