using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Internal;

namespace Pyfleet.Storage.Sqlite;

/// <summary>
/// Scan results kept as snapshots, so later commands (<c>audit snapshot:ID</c>, diffs) read exactly what the scan
/// saw, by id. Stored one environment at a time and content-addressed (migration 0101): an environment unchanged
/// since any earlier scan is not written again, so the daily rescan of a fleet costs a few bytes per environment.
/// The async methods run synchronously (as Microsoft.Data.Sqlite's own async calls do).
/// </summary>
public sealed class SqliteSnapshotStore(SqliteStore store) : ISnapshotStore
{
    private const int WholeDocumentLayout = SnapshotCodec.WholeDocumentLayout;
    private const int PerEnvironmentLayout = SnapshotCodec.PerEnvironmentLayout;

    public Task<long> SaveAsync(InventoryDocument document, CancellationToken cancellationToken = default) => Task.FromResult(Save(document));

    public Task<InventoryDocument> LoadAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Load(id));

    public Task<long?> LatestAsync(string? host = null, CancellationToken cancellationToken = default) => Task.FromResult(Latest(host));

    public Task<IReadOnlyList<SnapshotSummary>> ListAsync(int limit = 100, CancellationToken cancellationToken = default) => Task.FromResult(List(limit));

    /// <summary>Stores a scan and returns its id (increasing; never reused).</summary>
    internal long Save(InventoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = new MemoryStream();
        var compressed = new MemoryStream();
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        SnapshotCodec.WriteHeader(json, document);
        var id = InsertSnapshot(connection, document, SnapshotCodec.Compress(json, compressed));

        using var find = Command(connection, "SELECT id FROM environment_documents WHERE sha256 = $sha256", "$sha256");
        using var insert = Command(connection, "INSERT INTO environment_documents (sha256, content) VALUES ($sha256, $content) RETURNING id", "$sha256", "$content");
        using var link = Command(connection, "INSERT INTO snapshot_environments (snapshot_id, ordinal, document_id) VALUES ($snapshot, $ordinal, $document)", "$snapshot", "$ordinal", "$document");
        link.Parameters["$snapshot"].Value = id;
        for (var ordinal = 0; ordinal < document.Environments.Count; ordinal++)
        {
            SnapshotCodec.WriteEnvironment(json, document.Environments[ordinal]);
            var sha256 = SHA256.HashData(SnapshotCodec.Content(json));
            find.Parameters["$sha256"].Value = sha256;
            if (find.ExecuteScalar() is not long documentId)
            {
                // Only a new or changed environment is compressed and written.
                insert.Parameters["$sha256"].Value = sha256;
                insert.Parameters["$content"].Value = SnapshotCodec.Compress(json, compressed);
                documentId = (long)insert.ExecuteScalar()!;
            }

            link.Parameters["$ordinal"].Value = ordinal;
            link.Parameters["$document"].Value = documentId;
            link.ExecuteNonQuery();
        }

        transaction.Commit();
        return id;
    }

    /// <summary>The snapshot with <paramref name="id"/>; a <see cref="PyfleetException"/> when there is none.</summary>
    internal InventoryDocument Load(long id)
    {
        var path = $"{store.Path}#snapshot-{id}";
        using var connection = store.OpenConnection();
        using var command = Command(connection, "SELECT layout, environment_count, CASE layout WHEN 1 THEN document ELSE header END FROM snapshots WHERE id = $id", "$id");
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new PyfleetException($"no snapshot with id {id} (see 'pyfleet scan --list-snapshots')", store.Path);
        }

        var layout = reader.GetInt32(0);
        if (layout is not (WholeDocumentLayout or PerEnvironmentLayout))
        {
            throw new PyfleetException($"snapshot {id} is stored in layout {layout}, which this Pyfleet cannot read (a newer Pyfleet wrote it)", store.Path);
        }

        if (reader.IsDBNull(2))
        {
            throw new PyfleetException($"snapshot {id} is damaged: it has no header", store.Path);
        }

        var scratch = new MemoryStream();
        try
        {
            using var blob = reader.GetStream(2);
            var document = SnapshotCodec.Read(blob, scratch, path);
            return layout == WholeDocumentLayout
                ? document
                : document with { Environments = LoadEnvironments(connection, id, reader.GetInt32(1), scratch, path) };
        }
        catch (InvalidDataException ex)
        {
            throw new PyfleetException($"snapshot {id} is damaged: {ex.Message}", store.Path, null, ex);
        }
    }

    /// <summary>The id of the newest snapshot (optionally of one host), or null when the store has none.</summary>
    internal long? Latest(string? host = null)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = host is null
            ? "SELECT max(id) FROM snapshots"
            : "SELECT max(id) FROM snapshots WHERE host = $host";
        if (host is not null)
        {
            command.Parameters.AddWithValue("$host", host);
        }

        return command.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>All snapshots, newest first.</summary>
    internal IReadOnlyList<SnapshotSummary> List(int limit = 100)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, host, scanned_at, environment_count, package_count, warning_count
            FROM snapshots ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<SnapshotSummary>();
        while (reader.Read())
        {
            list.Add(new SnapshotSummary(
                reader.GetInt64(0),
                reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5)));
        }

        return list;
    }

    private static List<PythonEnvironment> LoadEnvironments(SqliteConnection connection, long id, int count, MemoryStream scratch, string path)
    {
        using var command = Command(connection, """
            SELECT d.content FROM snapshot_environments e JOIN environment_documents d ON d.id = e.document_id
            WHERE e.snapshot_id = $id ORDER BY e.ordinal
            """, "$id");
        command.Parameters["$id"].Value = id;
        using var reader = command.ExecuteReader();
        var environments = new List<PythonEnvironment>(count);
        while (reader.Read())
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

    private static long InsertSnapshot(SqliteConnection connection, InventoryDocument document, byte[] header)
    {
        using var command = Command(connection, """
            INSERT INTO snapshots (host, scanned_at, environment_count, package_count, warning_count, layout, header, document)
            VALUES ($host, $at, $environments, $packages, $warnings, $layout, $header, x'')
            RETURNING id
            """, "$host", "$at", "$environments", "$packages", "$warnings", "$layout", "$header");
        command.Parameters["$host"].Value = document.Host.Name;
        command.Parameters["$at"].Value = document.ScannedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        command.Parameters["$environments"].Value = document.Environments.Count;
        command.Parameters["$packages"].Value = document.Environments.Sum(e => e.Packages.Count);
        command.Parameters["$warnings"].Value = document.Warnings.Count;
        command.Parameters["$layout"].Value = PerEnvironmentLayout;
        command.Parameters["$header"].Value = header;
        return (long)command.ExecuteScalar()!;
    }

    // Parameters declared once so a command can be run many times with new values (one prepared statement).
    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
