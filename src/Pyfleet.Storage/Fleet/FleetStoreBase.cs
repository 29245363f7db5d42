using System.Data.Common;
using Dapper;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Storage.Fleet.Internal;

namespace Pyfleet.Storage.Fleet;

/// <summary>
/// The fleet store's SQL, the same on SQLite and PostgreSQL except where an engine overrides it (batch upserts,
/// id lists). Every ingest is one transaction that first upserts the host row: that row lock serialises pushes for
/// one host across connections and server processes, and leaves pushes for other hosts free to run.
/// </summary>
public abstract partial class FleetStoreBase : IFleetStore
{
    /// <summary>A new open connection.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM fleet_hosts WHERE id < 0", cancellationToken: cancellationToken)) == 0;
    }

    public async Task<(int Hosts, long Snapshots)> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var (hosts, snapshots) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
            "SELECT (SELECT count(*) FROM fleet_hosts), (SELECT count(*) FROM fleet_snapshots)", cancellationToken: cancellationToken));
        return ((int)hosts, snapshots);
    }

    public async Task<FleetToken> CreateTokenAsync(NewToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var connection = await OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO fleet_tokens (hash, scope, host, name, created_ms, expires_ms)
            VALUES (@Hash, @Scope, @Host, @Name, @Created, @Expires) RETURNING id
            """, new { token.Hash, token.Scope, token.Host, token.Name, Created = FleetRows.Ms(token.CreatedAt), Expires = token.ExpiresAt is { } e ? FleetRows.Ms(e) : (long?)null }, cancellationToken: cancellationToken));
        return new FleetToken { Id = id, Hash = token.Hash, Scope = token.Scope, Host = token.Host, Name = token.Name, CreatedAt = token.CreatedAt, ExpiresAt = token.ExpiresAt };
    }

    public async Task<FleetToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition("SELECT * FROM fleet_tokens WHERE hash = @hash", new { hash }, cancellationToken: cancellationToken));
        return row is null ? null : FleetRows.Token(row);
    }

    public async Task<IReadOnlyList<FleetToken>> ListTokensAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TokenRow>(new CommandDefinition("SELECT * FROM fleet_tokens ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Token).ToList();
    }

    public async Task<bool> RevokeTokenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE fleet_tokens SET revoked_ms = @at WHERE id = @id AND revoked_ms IS NULL", new { id, at = FleetRows.Ms(at) }, cancellationToken: cancellationToken)) == 1;
    }

    public virtual async Task<IngestResult> IngestAsync(PreparedSnapshot snapshot, DateTimeOffset receivedAt, SnapshotAnalysis? analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var ingest = new FleetIngest(connection, transaction, this, cancellationToken);
                var result = await ingest.RunAsync(snapshot, FleetRows.Ms(receivedAt), analysis);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < 4 && IsRetryable(ex))
            {
                // A deadlock or serialisation failure rolled the whole transaction back: nothing was stored, run it again.
                await Task.Delay(10 * attempt, cancellationToken);
            }
        }
    }

    /// <summary>True for an error after which the same transaction may simply be run again (deadlock, serialisation).</summary>
    protected virtual bool IsRetryable(Exception exception) => false;

    public async Task<bool> TouchHostAsync(string host, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var ms = FleetRows.Ms(at);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO fleet_host_days (day, host_id) SELECT @day, id FROM fleet_hosts WHERE name = @host ON CONFLICT DO NOTHING",
            new { host, day = ms / 86_400_000 }, cancellationToken: cancellationToken));
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE fleet_hosts SET last_seen_ms = @at WHERE name = @host", new { host, at = ms }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<PackageVersionRef>> VersionsAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PackageRow>(new CommandDefinition(
            "SELECT id, name, version FROM fleet_packages WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        return rows.Select(r => new PackageVersionRef(r.Id, r.Name, r.Version)).ToList();
    }

    public async Task<IReadOnlyList<WhoMatch>> LatestInstancesAsync(IReadOnlyCollection<long> packageIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MatchRow>(new CommandDefinition($"""
            SELECT h.name AS host, e.path, e.kind, e.labels, p.name, p.version, ep.os_package,
                   h.latest_snapshot_id AS snapshot, h.latest_scanned_ms AS scanned_ms
            FROM fleet_environment_packages ep
            JOIN fleet_packages p ON p.id = ep.package_id
            JOIN fleet_latest l ON l.environment_id = ep.environment_id
            JOIN fleet_hosts h ON h.id = l.host_id
            JOIN fleet_environments e ON e.id = ep.environment_id
            WHERE {InClause("ep.package_id", "ids")}
            ORDER BY h.name, e.path, p.name, p.version
            """, new { ids = packageIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Match).ToList();
    }

    public async Task<IReadOnlyList<FleetHost>> ListHostsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HostRow>(new CommandDefinition("SELECT * FROM fleet_hosts ORDER BY name", cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Host).ToList();
    }

    public async Task<FleetHost?> GetHostAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HostRow>(new CommandDefinition("SELECT * FROM fleet_hosts WHERE name = @name", new { name }, cancellationToken: cancellationToken));
        return row is null ? null : FleetRows.Host(row);
    }

    public async Task<IReadOnlyList<FleetSnapshotSummary>> ListSnapshotsAsync(string host, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition($"""
            SELECT {SnapshotColumns} FROM fleet_snapshots s JOIN fleet_hosts h ON h.id = s.host_id
            WHERE h.name = @host ORDER BY s.id DESC LIMIT @limit
            """, new { host, limit }, cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Snapshot).ToList();
    }

    public async Task<StoredSnapshot?> LoadSnapshotAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SnapshotRow>(new CommandDefinition(
            $"SELECT {SnapshotColumns} FROM fleet_snapshots s JOIN fleet_hosts h ON h.id = s.host_id WHERE s.id = @id", new { id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var header = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition("SELECT header FROM fleet_snapshots WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        var environments = await connection.QueryAsync<byte[]>(new CommandDefinition("""
            SELECT e.content FROM fleet_snapshot_environments se JOIN fleet_environments e ON e.id = se.environment_id
            WHERE se.snapshot_id = @id ORDER BY se.ordinal
            """, new { id }, cancellationToken: cancellationToken));
        return new StoredSnapshot(FleetRows.Snapshot(row), header!, environments.ToList());
    }

    /// <summary>
    /// Ids of the dictionary rows for <paramref name="packages"/> (sorted by name and version, so that concurrent
    /// ingests take their locks in one order), inserting the missing ones.
    /// </summary>
    protected internal virtual async Task<Dictionary<(string, string), long>> UpsertPackagesAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<(string, string), long>(packages.Count);
        foreach (var (name, version) in packages)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO fleet_packages (name, version) VALUES (@name, @version) ON CONFLICT (name, version) DO NOTHING",
                new { name, version }, transaction, cancellationToken: cancellationToken));
            ids[(name, version)] = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT id FROM fleet_packages WHERE name = @name AND version = @version", new { name, version }, transaction, cancellationToken: cancellationToken));
        }

        return ids;
    }

    /// <summary>The index rows (name, version) → environment of a newly stored environment.</summary>
    protected internal virtual async Task InsertEnvironmentPackagesAsync(
        DbConnection connection, DbTransaction transaction, long environmentId, IReadOnlyList<(long PackageId, string? OsPackage)> rows, CancellationToken cancellationToken)
    {
        foreach (var (packageId, osPackage) in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO fleet_environment_packages (package_id, environment_id, os_package) VALUES (@packageId, @environmentId, @osPackage) ON CONFLICT DO NOTHING",
                new { packageId, environmentId, osPackage }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The host's latest environments (the old ones are already deleted).</summary>
    protected internal virtual async Task InsertLatestAsync(
        DbConnection connection, DbTransaction transaction, long hostId, IReadOnlyList<long> environmentIds, CancellationToken cancellationToken)
    {
        foreach (var environmentId in environmentIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO fleet_latest (environment_id, host_id) VALUES (@environmentId, @hostId)",
                new { environmentId, hostId }, transaction, cancellationToken: cancellationToken));
        }
    }

    private const string SnapshotColumns = "s.id, h.name AS host, s.sha256, s.scanned_ms, s.received_ms, s.environment_count, s.package_count";
}
