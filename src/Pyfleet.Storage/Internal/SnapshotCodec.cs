using System.IO.Compression;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Storage.Internal;

/// <summary>
/// The bytes a snapshot is stored as. Everything goes through <see cref="InventoryJson"/>, the contract's one
/// serializer, so what a snapshot reads back is exactly what the scan would have printed: a document's header is
/// the document without its environments, and one environment is a one-environment document with a fixed host
/// and time, so its bytes (and the hash they are stored under) depend on the environment alone.
/// </summary>
internal static class SnapshotCodec
{
    /// <summary>Layout 1: the whole document in one blob (SQLite rows written before migration 0101).</summary>
    public const int WholeDocumentLayout = 1;

    /// <summary>Layout 2: a header blob plus one content-addressed row per environment.</summary>
    public const int PerEnvironmentLayout = 2;

    private static readonly HostInfo FixedHost = new() { Name = "" };

    /// <summary>Writes the document without its environments (host, scannedAt, warnings) into <paramref name="json"/>.</summary>
    public static void WriteHeader(MemoryStream json, InventoryDocument document) =>
        Write(json, document with { Environments = [] });

    /// <summary>Writes one environment, wrapped in a fixed envelope, into <paramref name="json"/>.</summary>
    public static void WriteEnvironment(MemoryStream json, PythonEnvironment environment) =>
        Write(json, new InventoryDocument { Host = FixedHost, ScannedAt = DateTimeOffset.UnixEpoch, Environments = [environment] });

    /// <summary>The gzip of <paramref name="json"/>'s content.</summary>
    /// <remarks>
    /// Optimal, not Fastest: only new or changed environments are compressed, and on 2,000 venvs x 100 packages it
    /// costs 35-65 ms more per first scan for 1.6 KB rather than 2.5 KB per environment — two rows to a 4 KiB page
    /// instead of one, so the first snapshot takes 4 MB rather than 8.
    /// </remarks>
    public static byte[] Compress(MemoryStream json, MemoryStream scratch)
    {
        scratch.SetLength(0);
        using (var gzip = new GZipStream(scratch, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Content(json));
        }

        return scratch.ToArray();
    }

    /// <summary>Reads a stored document (a whole one, or a header): <paramref name="compressed"/> is its gzip.</summary>
    public static InventoryDocument Read(Stream compressed, MemoryStream scratch, string path)
    {
        scratch.SetLength(0);
        using (var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true))
        {
            gzip.CopyTo(scratch);
        }

        return InventoryJson.Deserialize(scratch.GetBuffer().AsMemory(0, (int)scratch.Length), path);
    }

    /// <summary>The bytes written so far into a scratch stream.</summary>
    public static ReadOnlySpan<byte> Content(MemoryStream json) => json.GetBuffer().AsSpan(0, (int)json.Length);

    private static void Write(MemoryStream json, InventoryDocument document)
    {
        json.SetLength(0);

        // Completes synchronously: a MemoryStream never waits.
        InventoryJson.SerializeAsync(json, document, indented: false).GetAwaiter().GetResult();
    }
}
