using Microsoft.Data.Sqlite;

namespace Pyfleet.Storage.Sqlite;

/// <summary>
/// Applies the embedded <c>Sqlite/Migrations/NNNN_name.sql</c> scripts in file-name order, each once, each in
/// its own transaction, recording them in <c>schema_migrations</c>.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "Pyfleet.Storage.Sqlite.Migrations.";

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

            using var transaction = connection.BeginTransaction();
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

    internal static IEnumerable<(string Id, string Sql)> EmbeddedMigrations()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var id = resource[ResourcePrefix.Length..^".sql".Length];
            yield return (id, reader.ReadToEnd());
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
