using Microsoft.Data.Sqlite;
using Pyfleet.Storage.Internal;

namespace Pyfleet.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Sqlite/Migrations/NNNN_name.sql</c> scripts in file-name order, each once, each in
/// its own transaction, recording them in <c>schema_migrations</c> (numbering: <see cref="MigrationScripts"/>). One
/// SQLite writer at a time: a second process opening the file waits on the lock (busy_timeout), then sees the rows.
/// </summary>
internal static class SqliteMigrator
{
    public static IReadOnlyList<string> Apply(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT id FROM schema_migrations";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }

        var newlyApplied = new List<string>();
        foreach (var (id, sql) in EmbeddedMigrations())
        {
            if (applied.Contains(id))
            {
                continue;
            }

            // BEGIN IMMEDIATE takes the write lock; another process may have applied the script while this one
            // waited for it, so it is checked again under the lock (two first runs at once on a new file).
            using var transaction = connection.BeginTransaction(deferred: false);
            if (IsApplied(connection, transaction, id))
            {
                continue;
            }

            Execute(connection, transaction, sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES ($id, $at)";
            record.Parameters.AddWithValue("$id", id);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
            transaction.Commit();
            newlyApplied.Add(id);
        }

        return newlyApplied;
    }

    internal static IReadOnlyList<(string Id, string Sql)> EmbeddedMigrations() => MigrationScripts.For("Sqlite");

    private static bool IsApplied(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM schema_migrations WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
