using System.Globalization;
using Microsoft.Data.Sqlite;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Storage;

namespace Pyfleet.Storage.Sqlite;

/// <summary>
/// Advisories in the SQLite store (migration <c>0201_advisories.sql</c>). A source is replaced inside one
/// transaction: if anything fails before the commit, SQLite rolls back and the previous records stay. The async
/// methods run synchronously: Microsoft.Data.Sqlite's async calls do too (SQLite has no asynchronous I/O), so a
/// wrapper would only add a state machine.
/// </summary>
public sealed class SqliteAdvisoryStore : IAdvisoryStore
{
    private readonly SqliteStore _store;

    public SqliteAdvisoryStore(SqliteStore store) => _store = store;

    public Task<IReadOnlyList<AdvisorySourceState>> GetSourcesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Sources());

    public Task<IReadOnlyList<OsvRecord>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(LoadAll());

    public Task ReplaceSourceAsync(AdvisorySourceState state, IReadOnlyList<OsvRecord> records, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ReplaceSource(state, records);
        return Task.CompletedTask;
    }

    public Task UpsertAsync(AdvisorySourceState state, IReadOnlyList<OsvRecord> records, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Upsert(state, records);
        return Task.CompletedTask;
    }

    public IReadOnlyList<AdvisorySourceState> Sources()
    {
        using var connection = _store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT source_key, location, etag, last_modified, sha256, synced_at, record_count, cursor FROM advisory_source ORDER BY source_key";
        using var reader = command.ExecuteReader();
        var result = new List<AdvisorySourceState>();
        while (reader.Read())
        {
            result.Add(new AdvisorySourceState(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableDate(reader, 3),
                NullableString(reader, 4), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), reader.GetInt32(6), NullableDate(reader, 7)));
        }

        return result;
    }

    private void ReplaceSource(AdvisorySourceState state, IReadOnlyList<OsvRecord> records)
    {
        using var connection = _store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM advisory_record WHERE source_key = $k", ("$k", state.Key));
        SaveState(connection, transaction, state);
        InsertRecords(connection, transaction, state.Key, records);
        transaction.Commit();
    }

    private void Upsert(AdvisorySourceState state, IReadOnlyList<OsvRecord> records)
    {
        using var connection = _store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        SaveState(connection, transaction, state);
        InsertRecords(connection, transaction, state.Key, records); // INSERT OR REPLACE: a changed record replaces its row
        Execute(connection, transaction, "UPDATE advisory_source SET record_count = (SELECT COUNT(*) FROM advisory_record WHERE source_key = $k) WHERE source_key = $k", ("$k", state.Key));
        transaction.Commit();
    }

    public IReadOnlyList<OsvRecord> LoadAll()
    {
        using var connection = _store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM advisory_record ORDER BY source_key, id";
        using var reader = command.ExecuteReader();
        var result = new List<OsvRecord>();
        while (reader.Read())
        {
            result.Add(OsvJson.Deserialize((byte[])reader.GetValue(0)));
        }

        return result;
    }

    private static void SaveState(SqliteConnection connection, SqliteTransaction transaction, AdvisorySourceState state) =>
        Execute(connection, transaction,
            """
            INSERT INTO advisory_source (source_key, location, etag, last_modified, sha256, synced_at, record_count, cursor)
            VALUES ($k, $l, $e, $m, $s, $t, $c, $u)
            ON CONFLICT(source_key) DO UPDATE SET location = $l, etag = $e, last_modified = $m, sha256 = $s, synced_at = $t, record_count = $c, cursor = $u
            """,
            ("$k", state.Key), ("$l", state.Location), ("$e", state.ETag), ("$m", state.LastModified?.ToString("O")), ("$s", state.Sha256),
            ("$t", state.SyncedAt.ToString("O")), ("$c", state.RecordCount), ("$u", state.Cursor?.ToString("O")));

    private static void InsertRecords(SqliteConnection connection, SqliteTransaction transaction, string key, IReadOnlyList<OsvRecord> records)
    {
        using var insertRecord = Prepare(connection, transaction, "INSERT OR REPLACE INTO advisory_record (source_key, id, modified, withdrawn, json) VALUES ($k, $i, $m, $w, $j)", "$k", "$i", "$m", "$w", "$j");
        foreach (var record in records)
        {
            Run(insertRecord, key, record.Id, record.Modified.ToString("O"), record.Withdrawn?.ToString("O"), OsvJson.Serialize(record));
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableDate(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);
}
