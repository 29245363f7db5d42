using System.IO.Compression;
using System.Security.Cryptography;
using Pyfleet.Core.Inventory;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// The canonical bytes of a pushed document. Everything goes through <see cref="InventoryJson"/> (compact), so
/// the same inventory has the same hash however it was indented or compressed on the wire; the header is the
/// document without its environments and each environment is a one-environment document with a fixed host and
/// time, so its bytes and hash depend on the environment alone and identical venvs on many hosts are one row.
/// </summary>
public static class SnapshotContent
{
    private static readonly HostInfo FixedHost = new() { Name = "" };

    /// <summary>Splits and hashes <paramref name="document"/> for the store.</summary>
    public static PreparedSnapshot Prepare(InventoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var environments = new List<PreparedEnvironment>(document.Environments.Count);
        foreach (var environment in document.Environments)
        {
            var json = Serialize(new InventoryDocument { Host = FixedHost, ScannedAt = DateTimeOffset.UnixEpoch, Environments = [environment] });
            environments.Add(new PreparedEnvironment(SHA256.HashData(json), environment.Path, environment.Kind, environment.Labels, Gzip(json), Packages(environment), environment.Python?.Version));
        }

        var os = document.Host.Os is { } info ? (info.VersionId is null ? info.Id : $"{info.Id} {info.VersionId}") : null;
        return new PreparedSnapshot(document.Host.Name, os, document.ScannedAt, Hash(document),
            Gzip(Serialize(document with { Environments = [] })), environments);
    }

    /// <summary>SHA-256 of the document's canonical (compact) JSON.</summary>
    public static byte[] Hash(InventoryDocument document) => SHA256.HashData(Serialize(document));

    /// <summary>The document a stored snapshot was made from: header and environments put back together.</summary>
    public static InventoryDocument Rebuild(StoredSnapshot stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var path = $"snapshot-{stored.Summary.Id}";
        var header = InventoryJson.Deserialize(Gunzip(stored.Header), path);
        var environments = stored.Environments.Select(e => InventoryJson.Deserialize(Gunzip(e), path).Environments.Single()).ToList();
        return header with { Environments = environments };
    }

    /// <summary>Lower-case hex of a hash.</summary>
    public static string Hex(byte[] sha256) => Convert.ToHexStringLower(sha256);

    private static List<PreparedPackage> Packages(PythonEnvironment environment)
    {
        var packages = new List<PreparedPackage>(environment.Packages.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var package in environment.Packages)
        {
            // Only what has a version can answer a version question; a copy seen twice (shadowed) is one pair. The
            // name is normalised again: a document made by another tool may spell it as the metadata does.
            if (package.Name.Length == 0)
            {
                continue; // an unnamed URL requirement: no name to ask about
            }

            var name = PackageName.IsNormalized(package.Name) ? package.Name : PackageName.Normalize(package.Name);
            if (package.Version is { Length: > 0 } version && package.Ecosystem is null && seen.Add((name, version)))
            {
                var os = package.OsPackage is { } owner ? $"{owner.Manager}:{owner.Name} {owner.Version}" : null;
                packages.Add(new PreparedPackage(name, version, os));
            }
        }

        return packages;
    }

    private static byte[] Serialize(InventoryDocument document)
    {
        using var json = new MemoryStream();

        // Completes synchronously: a MemoryStream never waits.
        InventoryJson.SerializeAsync(json, document, indented: false).GetAwaiter().GetResult();
        return json.ToArray();
    }

    private static byte[] Gzip(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
