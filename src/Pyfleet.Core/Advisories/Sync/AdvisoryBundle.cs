using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Storage;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>
/// A bundle moves the advisory database to machines without internet: a zip of OSV records
/// (<c>records/&lt;id&gt;.json</c>) plus <c>pyfleet-bundle.json</c> with the record count and every entry's SHA-256.
/// Import verifies the zip, every hash and the count before replacing anything.
/// </summary>
public static class AdvisoryBundle
{
    public const string ManifestName = "pyfleet-bundle.json";
    public const string Format = "pyfleet-advisory-bundle";

    /// <summary>The store key imported bundles are saved under.</summary>
    public const string SourceKey = "bundle";

    /// <summary>Writes every stored record (the latest per id) to <paramref name="path"/>, atomically; returns the count.</summary>
    public static async Task<int> ExportAsync(IAdvisoryStore store, string path, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var records = (await store.LoadAllAsync(cancellationToken)).GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Modified)!).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (records.Count == 0)
        {
            throw new PyfleetException("the advisory database is empty: run 'pyfleet sync' first");
        }

        var temp = AtomicFile.CreateTempPathBeside(path);
        try
        {
            var hashes = new JsonObject();
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                foreach (var record in records)
                {
                    var name = $"records/{record.Id}.json";
                    var bytes = OsvJson.Serialize(record);
                    using (var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open())
                    {
                        entry.Write(bytes);
                    }

                    hashes[name] = Convert.ToHexStringLower(SHA256.HashData(bytes));
                }

                var manifest = new JsonObject { ["format"] = Format, ["version"] = 1, ["createdAt"] = now.ToString("O"), ["records"] = records.Count, ["sha256"] = hashes };
                using var manifestStream = zip.CreateEntry(ManifestName).Open();
                manifestStream.Write(JsonSerializer.SerializeToUtf8Bytes(manifest, JsonContext.Default.JsonObject));
            }

            AtomicFile.Replace(temp, path);
            return records.Count;
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }

    /// <summary>Verifies <paramref name="path"/> and replaces the bundle source with its records; returns the count.</summary>
    public static async Task<int> ImportAsync(IAdvisoryStore store, string path, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new PyfleetException("bundle not found", path);
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            var (expectedCount, hashes) = ReadManifest(zip, path);
            var records = new List<OsvRecord>();
            var warnings = new List<AdvisoryWarning>();
            foreach (var (name, hash) in hashes)
            {
                var entry = zip.GetEntry(name) ?? throw new PyfleetException($"bundle lists {name} but does not contain it", path);
                using var buffer = new MemoryStream();
                using (var input = entry.Open())
                {
                    input.CopyTo(buffer);
                }

                if (Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) != hash)
                {
                    throw new PyfleetException($"{name}: SHA-256 does not match the manifest", path);
                }

                records.Add(OsvRecordReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), $"{path}!{name}", warnings)
                    ?? throw new PyfleetException($"{name}: {string.Join("; ", warnings)}", path));
            }

            if (records.Count != expectedCount)
            {
                throw new PyfleetException($"bundle declares {expectedCount} records but holds {records.Count}", path);
            }

            using var stream = File.OpenRead(path);
            var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            await store.ReplaceSourceAsync(new AdvisorySourceState(SourceKey, path, null, null, sha, now, records.Count, records.Max(r => r.Modified)), records, cancellationToken);
            return records.Count;
        }
        catch (InvalidDataException ex)
        {
            throw new PyfleetException($"bundle is not a valid zip; the advisory database was not changed: {ex.Message}", path, null, ex);
        }
    }

    private static (int Count, IReadOnlyList<(string Name, string Hash)> Hashes) ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new PyfleetException($"not a Pyfleet bundle (no {ManifestName})", path);
        JsonNode? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonNode.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"{ManifestName}: {ex.Message}", path, null, ex);
        }

        if (manifest?["format"]?.GetValue<string>() != Format || manifest["records"] is not JsonValue count || manifest["sha256"] is not JsonObject hashes)
        {
            throw new PyfleetException($"{ManifestName} is not a {Format} manifest", path);
        }

        return (count.GetValue<int>(), hashes.Select(p => (p.Key, p.Value?.GetValue<string>() ?? "")).ToList());
    }
}
