using System.Data.Common;
using Dapper;
using Npgsql;
using Pyfleet.Storage.Fleet;

namespace Pyfleet.Storage.Postgres.Fleet;

/// <summary>
/// The fleet store on PostgreSQL: any number of server processes share it (ingest on all of them; the host row
/// lock serialises one host's pushes). Batch writes go as arrays through <c>unnest</c>, one round trip each.
/// </summary>
public sealed class PostgresFleetStore : FleetStoreBase
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>On the data source of an opened <see cref="PostgresStore"/> (its migrations include the fleet tables).</summary>
    internal PostgresFleetStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    protected internal override string InClause(string column, string parameter) => $"{column} = ANY(@{parameter})";

    protected internal override string LabelClause(string column, string value) => $"{column}::jsonb ? {value}";

    /// <summary>
    /// A session advisory lock on a connection held for the job's length: every server on the database tries the
    /// same key, one wins, the others skip this round. The lock dies with the session if the server does.
    /// </summary>
    public override async Task<bool> TryRunExclusiveAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("pyfleet-job:" + job)), 0);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken)))
        {
            return false;
        }

        try
        {
            await work(cancellationToken);
            return true;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key }, cancellationToken: CancellationToken.None));
        }
    }

    protected internal override string Collate => " COLLATE \"C\"";

    protected override bool IsRetryable(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.ForeignKeyViolation or PostgresErrorCodes.UniqueViolation };

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected internal override async Task<Dictionary<(string, string), long>> UpsertPackagesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellationToken)
    {
        var names = packages.Select(p => p.Name).ToArray();
        var versions = packages.Select(p => p.Version).ToArray();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO fleet_packages (name, version) SELECT * FROM unnest(@names::text[], @versions::text[])
            ON CONFLICT (name, version) DO NOTHING
            """, new { names, versions }, transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<(long Id, string Name, string Version)>(new CommandDefinition("""
            SELECT p.id, p.name, p.version FROM fleet_packages p
            JOIN unnest(@names::text[], @versions::text[]) AS w(name, version) ON p.name = w.name AND p.version = w.version
            """, new { names, versions }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.Name, r.Version), r => r.Id);
    }

    protected internal override Task InsertEnvironmentPackagesAsync(
        DbConnection connection, DbTransaction transaction, long environmentId, IReadOnlyList<(long PackageId, string? OsPackage)> rows, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO fleet_environment_packages (package_id, environment_id, os_package)
            SELECT p, @environmentId, o FROM unnest(@packages::bigint[], @os::text[]) AS r(p, o) ON CONFLICT DO NOTHING
            """, new { environmentId, packages = rows.Select(r => r.PackageId).ToArray(), os = rows.Select(r => r.OsPackage).ToArray() }, transaction, cancellationToken: cancellationToken));

    protected internal override Task InsertLatestAsync(
        DbConnection connection, DbTransaction transaction, long hostId, IReadOnlyList<long> environmentIds, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO fleet_latest (environment_id, host_id) SELECT e, @hostId FROM unnest(@ids::bigint[]) AS e",
            new { hostId, ids = environmentIds.ToArray() }, transaction, cancellationToken: cancellationToken));
}
