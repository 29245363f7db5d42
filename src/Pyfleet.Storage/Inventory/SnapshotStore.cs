using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Storage.Inventory;

/// <summary>
/// Scan results kept as snapshots: each <see cref="InventoryDocument"/> stored whole (as its JSON contract) so later
/// commands (<c>audit</c>, diffs) read exactly what the scan saw, by id.
/// </summary>
public sealed class SnapshotStore(SqliteStore store)
{
    /// <summary>Stores a scan and returns its id (increasing; never reused).</summary>
    public long Save(InventoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO snapshots (host, scanned_at, environment_count, package_count, warning_count, document)
            VALUES ($host, $at, $environments, $packages, $warnings, $document)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$host", document.Host.Name);
        command.Parameters.AddWithValue("$at", document.ScannedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$environments", document.Environments.Count);
        command.Parameters.AddWithValue("$packages", document.Environments.Sum(e => e.Packages.Count));
        command.Parameters.AddWithValue("$warnings", document.Warnings.Count);
        command.Parameters.AddWithValue("$document", Compress(document));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The snapshot with <paramref name="id"/>; a <see cref="PyfleetException"/> when there is none.</summary>
    public InventoryDocument Load(long id)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM snapshots WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        var compressed = command.ExecuteScalar() as byte[]
            ?? throw new PyfleetException($"no snapshot with id {id} (see 'pyfleet scan --list-snapshots')", store.Path);
        using var reader = new StreamReader(new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));
        return InventoryJson.Deserialize(reader.ReadToEnd(), $"{store.Path}#snapshot-{id}");
    }

    /// <summary>The id of the newest snapshot (optionally of one host), or null when the store has none.</summary>
    public long? Latest(string? host = null)
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
    public IReadOnlyList<SnapshotSummary> List(int limit = 100)
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

    // Streamed straight into gzip so a fleet-sized document never exists as one string.
    private static byte[] Compress(InventoryDocument document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            InventoryJson.SerializeAsync(gzip, document).GetAwaiter().GetResult();
        }

        return buffer.ToArray();
    }
}
