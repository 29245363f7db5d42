using Dapper;
using Npgsql;

namespace Pyfleet.Storage.Postgres.Fleet;

/// <summary>
/// Applies the embedded <c>Postgres/Fleet/Migrations/NNNN_name.sql</c> scripts once each, in order, under an
/// advisory lock so that servers starting together against one database migrate it once.
/// </summary>
internal static class PostgresFleetMigrator
{
    private const string ResourcePrefix = "Pyfleet.Storage.Postgres.Fleet.Migrations.";
    private const long LockKey = 0x5079_666C_6565_7401; // "Pyfleet" + 1

    public static async Task ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS fleet_schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<string>(new CommandDefinition("SELECT id FROM fleet_schema_migrations", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
            var assembly = typeof(PostgresFleetMigrator).Assembly;
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var id = resource[ResourcePrefix.Length..^".sql".Length];
                if (applied.Contains(id))
                {
                    continue;
                }

                using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
                var sql = await reader.ReadToEndAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition("INSERT INTO fleet_schema_migrations (id) VALUES (@id)", new { id }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }
}
