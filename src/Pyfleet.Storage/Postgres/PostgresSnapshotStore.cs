using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Internal;
using Pyfleet.Storage.Postgres.Internal;

namespace Pyfleet.Storage.Postgres;

/// <summary>
/// Snapshots in PostgreSQL (migration <c>0100_snapshots.sql</c>), the same bytes as the SQLite engine writes
/// (<see cref="SnapshotCodec"/>). A save looks up every environment's hash in one query and writes only the new
/// ones; two servers saving the same new environment at once end up sharing one row (<c>ON CONFLICT</c>).
/// </summary>
internal sealed class PostgresSnapshotStore(PostgresStore store) : ISnapshotStore
{
    public async Task<long> SaveAsync(InventoryDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = new MemoryStream();
        var compressed = new MemoryStream();
        var hashes = new byte[document.Environments.Count][];
        for (var i = 0; i < hashes.Length; i++)
        {
            SnapshotCodec.WriteEnvironment(json, document.Environments[i]);
            hashes[i] = SHA256.HashData(SnapshotCodec.Content(json));
        }

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        SnapshotCodec.WriteHeader(json, document);
        var id = await InsertSnapshotAsync(connection, document, SnapshotCodec.Compress(json, compressed), cancellationToken);
        var known = await FindDocumentsAsync(connection, hashes, cancellationToken);
        var documentIds = new long[hashes.Length];
        for (var i = 0; i < hashes.Length; i++)
        {
            var key = Convert.ToHexString(hashes[i]);
            if (!known.TryGetValue(key, out var documentId))
            {
                // Only a new or changed environment is compressed and written.
                SnapshotCodec.WriteEnvironment(json, document.Environments[i]);
                documentId = await InsertDocumentAsync(connection, hashes[i], SnapshotCodec.Compress(json, compressed), cancellationToken);
                known[key] = documentId;
            }

            documentIds[i] = documentId;
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY snapshot_environments (snapshot_id, ordinal, document_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < documentIds.Length; i++)
            {
                await copy.WriteRowAsync(cancellationToken, id, i, documentIds[i]);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    public async Task<InventoryDocument> LoadAsync(long id, CancellationToken cancellationToken = default)
    {
        var where = store.Location.ToString();
        var path = $"{where}#snapshot-{id}";
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        int layout, count;
        byte[] header;
        await using (var command = PostgresCommand.Create(connection, "SELECT layout, environment_count, header FROM snapshots WHERE id = $1", id))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new PyfleetException($"no snapshot with id {id} (see 'pyfleet scan --list-snapshots')", where);
            }

            (layout, count, header) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2));
        }

        if (layout != SnapshotCodec.PerEnvironmentLayout)
        {
            throw new PyfleetException($"snapshot {id} is stored in layout {layout}, which this Pyfleet cannot read (a newer Pyfleet wrote it)", where);
        }

        var scratch = new MemoryStream();
        try
        {
            var document = SnapshotCodec.Read(new MemoryStream(header), scratch, path);
            return document with { Environments = await LoadEnvironmentsAsync(connection, id, count, scratch, path, cancellationToken) };
        }
        catch (InvalidDataException ex)
        {
            throw new PyfleetException($"snapshot {id} is damaged: {ex.Message}", where, null, ex);
        }
    }

    public async Task<long?> LatestAsync(string? host = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = host is null
            ? PostgresCommand.Create(connection, "SELECT max(id) FROM snapshots")
            : PostgresCommand.Create(connection, "SELECT max(id) FROM snapshots WHERE host = $1", host);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    public async Task<IReadOnlyList<SnapshotSummary>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresCommand.Create(connection, """
            SELECT id, host, scanned_at, environment_count, package_count, warning_count
            FROM snapshots ORDER BY id DESC LIMIT $1
            """, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SnapshotSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SnapshotSummary(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5)));
        }

        return list;
    }

    private static async Task<long> InsertSnapshotAsync(NpgsqlConnection connection, InventoryDocument document, byte[] header, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommand.Create(connection, """
            INSERT INTO snapshots (host, scanned_at, environment_count, package_count, warning_count, layout, header)
            VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
            """,
            document.Host.Name, document.ScannedAt.ToUniversalTime(), document.Environments.Count, document.Environments.Sum(e => e.Packages.Count),
            document.Warnings.Count, SnapshotCodec.PerEnvironmentLayout, header);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<string, long>> FindDocumentsAsync(NpgsqlConnection connection, byte[][] hashes, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = PostgresCommand.Create(connection, "SELECT sha256, id FROM environment_documents WHERE sha256 = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = hashes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known[Convert.ToHexString(reader.GetFieldValue<byte[]>(0))] = reader.GetInt64(1);
        }

        return known;
    }

    private static async Task<long> InsertDocumentAsync(NpgsqlConnection connection, byte[] sha256, byte[] content, CancellationToken cancellationToken)
    {
        // Another server may be inserting the same environment: it wins, and this save references its row.
        await using var insert = PostgresCommand.Create(connection, "INSERT INTO environment_documents (sha256, content) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING id", sha256, content);
        if (await insert.ExecuteScalarAsync(cancellationToken) is long id)
        {
            return id;
        }

        await using var find = PostgresCommand.Create(connection, "SELECT id FROM environment_documents WHERE sha256 = $1", sha256);
        return (long)(await find.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<PythonEnvironment>> LoadEnvironmentsAsync(NpgsqlConnection connection, long id, int count, MemoryStream scratch, string path, CancellationToken cancellationToken)
    {
        await using var command = PostgresCommand.Create(connection, """
            SELECT d.content FROM snapshot_environments e JOIN environment_documents d ON d.id = e.document_id
            WHERE e.snapshot_id = $1 ORDER BY e.ordinal
            """, id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var environments = new List<PythonEnvironment>(count);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var blob = reader.GetStream(0);
            environments.Add(SnapshotCodec.Read(blob, scratch, path).Environments is [var environment]
                ? environment
                : throw new PyfleetException($"snapshot {id} is damaged: environment {environments.Count} is not one environment", path));
        }

        return environments.Count == count
            ? environments
            : throw new PyfleetException($"snapshot {id} is damaged: {environments.Count} of its {count} environments are stored", path);
    }
}
