using Npgsql;
using Pyfleet.Storage.Internal;
using Pyfleet.Storage.Postgres.Internal;

namespace Pyfleet.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Postgres/Migrations/NNNN_name.sql</c> scripts in file-name order (numbering:
/// <see cref="MigrationScripts"/>), each once, each in its own transaction, recorded in <c>schema_migrations</c>.
/// The whole run holds a session-level <c>pg_advisory_lock</c>: two servers starting together on one database
/// take turns, and the second finds the first one's migrations recorded instead of running them again.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>The advisory lock key (the bytes of "pyfleet!"); advisory locks are per database.</summary>
    internal const long LockKey = 0x7079666C65657421;

    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await PostgresCommand.ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", cancellationToken, LockKey);
        try
        {
            await PostgresCommand.ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL)", cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var query = PostgresCommand.Create(connection, "SELECT id FROM schema_migrations"))
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var newlyApplied = new List<string>();
            foreach (var (id, sql) in MigrationScripts.For("Postgres"))
            {
                if (applied.Contains(id))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await PostgresCommand.ExecuteAsync(connection, sql, cancellationToken);
                await PostgresCommand.ExecuteAsync(connection, "INSERT INTO schema_migrations (id, applied_at) VALUES ($1, now())", cancellationToken, id);
                await transaction.CommitAsync(cancellationToken);
                newlyApplied.Add(id);
            }

            return newlyApplied;
        }
        finally
        {
            // Pooled connections outlive this call: the lock must be given back, even when a migration failed. (If
            // the connection itself broke, the server ended the session and its locks with it.)
            try
            {
                await PostgresCommand.ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
            }
            catch (NpgsqlException)
            {
            }
        }
    }
}
