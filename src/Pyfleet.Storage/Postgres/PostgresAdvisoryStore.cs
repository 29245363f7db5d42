using Npgsql;
using NpgsqlTypes;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Postgres.Internal;

namespace Pyfleet.Storage.Postgres;

/// <summary>
/// Advisories in PostgreSQL (migration <c>0200_advisories.sql</c>). A source is replaced in one transaction, its
/// records written with one binary <c>COPY</c>; if anything fails before the commit the previous records stay.
/// </summary>
internal sealed class PostgresAdvisoryStore(PostgresStore store) : IAdvisoryStore
{
    private const string SourceColumns = "source_key, location, etag, last_modified, sha256, synced_at, record_count, cursor";

    public async Task<IReadOnlyList<AdvisorySourceState>> GetSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresCommand.Create(connection, $"SELECT {SourceColumns} FROM advisory_source ORDER BY source_key COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<AdvisorySourceState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AdvisorySourceState(reader.GetString(0), reader.GetString(1), PostgresCommand.NullableString(reader, 2), PostgresCommand.NullableTime(reader, 3),
                PostgresCommand.NullableString(reader, 4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6), PostgresCommand.NullableTime(reader, 7)));
        }

        return result;
    }

    public async Task<IReadOnlyList<OsvRecord>> LoadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresCommand.Create(connection, "SELECT json FROM advisory_record ORDER BY source_key COLLATE \"C\", id COLLATE \"C\"");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<OsvRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(OsvJson.Deserialize(reader.GetFieldValue<byte[]>(0)));
        }

        return result;
    }

    public async Task ReplaceSourceAsync(AdvisorySourceState state, IReadOnlyList<OsvRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await PostgresCommand.ExecuteAsync(connection, "DELETE FROM advisory_record WHERE source_key = $1", cancellationToken, state.Key);
        await SaveStateAsync(connection, state, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY advisory_record (source_key, id, modified, withdrawn, json) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in LastPerId(records))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(state.Key, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(record.Id, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(record.Modified.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                if (record.Withdrawn is { } withdrawn)
                {
                    await copy.WriteAsync(withdrawn.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }

                await copy.WriteAsync(OsvJson.Serialize(record), NpgsqlDbType.Bytea, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UpsertAsync(AdvisorySourceState state, IReadOnlyList<OsvRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SaveStateAsync(connection, state, cancellationToken);
        await using (var batch = new NpgsqlBatch(connection))
        {
            foreach (var record in LastPerId(records))
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO advisory_record (source_key, id, modified, withdrawn, json) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (source_key, id) DO UPDATE SET modified = EXCLUDED.modified, withdrawn = EXCLUDED.withdrawn, json = EXCLUDED.json
                    """);
                foreach (var value in new object?[] { state.Key, record.Id, record.Modified.ToUniversalTime(), PostgresCommand.Utc(record.Withdrawn), OsvJson.Serialize(record) })
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
                }

                batch.BatchCommands.Add(command);
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await PostgresCommand.ExecuteAsync(connection, "UPDATE advisory_source SET record_count = (SELECT count(*) FROM advisory_record WHERE source_key = $1) WHERE source_key = $1", cancellationToken, state.Key);
        await transaction.CommitAsync(cancellationToken);
    }

    // Sync-over-async here: the network dominates, and the caller is a worker thread (see IAdvisoryStore.Sources).
    public IReadOnlyList<AdvisorySourceState> Sources() => GetSourcesAsync().GetAwaiter().GetResult();

    public IReadOnlyList<OsvRecord> LoadAll() => LoadAllAsync().GetAwaiter().GetResult();

    private static Task SaveStateAsync(NpgsqlConnection connection, AdvisorySourceState state, CancellationToken cancellationToken) =>
        PostgresCommand.ExecuteAsync(connection, $"""
            INSERT INTO advisory_source ({SourceColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (source_key) DO UPDATE SET location = $2, etag = $3, last_modified = $4, sha256 = $5, synced_at = $6, record_count = $7, cursor = $8
            """, cancellationToken,
            state.Key, state.Location, state.ETag, PostgresCommand.Utc(state.LastModified), state.Sha256, state.SyncedAt.ToUniversalTime(), state.RecordCount, PostgresCommand.Utc(state.Cursor));

    // A source listing one id twice keeps the last copy, as the SQLite engine's INSERT OR REPLACE does.
    private static IEnumerable<OsvRecord> LastPerId(IReadOnlyList<OsvRecord> records)
    {
        var last = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            last[records[i].Id] = i;
        }

        return last.Count == records.Count ? records : records.Where((r, i) => last[r.Id] == i);
    }
}
