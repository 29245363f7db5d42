using System.IO.Compression;
using System.Text.Json;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Lifecycle.Internal;

/// <summary>
/// Reads endoflife.date API v1 responses from a local copy (air-gapped <c>eol sync --source</c>, <c>--eol-url file://</c>):
/// a folder or a zip holding <c>products/full.json</c> (the <c>/products/full</c> response) or one
/// <c>products/{name}.json</c> per product, at its root or below <c>api/v1/</c> or <c>v1/</c>. A plain static copy
/// has no trailing-slash URLs, so only file names are looked for.
/// </summary>
internal static class EolStaticCopy
{
    private static readonly string[] ProductFolders = ["products", "v1/products", "api/v1/products", ""];

    public static List<EolProduct> Read(string source)
    {
        var path = source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(source).LocalPath : source;
        if (File.Exists(path))
        {
            return ReadZip(path);
        }

        if (!Directory.Exists(path))
        {
            throw new PyfleetException("no such file or folder", path);
        }

        foreach (var folder in ProductFolders.Select(f => Path.Combine(path, f)).Where(Directory.Exists))
        {
            var full = Path.Combine(folder, "full.json");
            if (File.Exists(full))
            {
                return ParseFull(File.ReadAllBytes(full), full);
            }

            var products = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
                .Select(f => ParseOne(File.ReadAllBytes(f), f)).OfType<EolProduct>().ToList();
            if (products.Count > 0)
            {
                return products;
            }
        }

        throw new PyfleetException("no endoflife.date API v1 responses here (expected products/full.json or products/NAME.json)", path);
    }

    public static EolProduct? ReadProduct(string root, string name)
    {
        foreach (var folder in ProductFolders.Select(f => Path.Combine(root, f)))
        {
            var file = Path.Combine(folder, name + ".json");
            if (File.Exists(file))
            {
                return ParseOne(File.ReadAllBytes(file), file);
            }
        }

        return null;
    }

    private static List<EolProduct> ReadZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entries = zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
            if (entries.FirstOrDefault(e => e.Name == "full.json") is { } full)
            {
                return ParseFull(Bytes(full), $"{path}!{full.FullName}");
            }

            var products = entries.Select(e => ParseOne(Bytes(e), $"{path}!{e.FullName}")).OfType<EolProduct>().ToList();
            return products.Count > 0 ? products : throw new PyfleetException("no endoflife.date API v1 responses in this zip", path);
        }
        catch (InvalidDataException ex)
        {
            throw new PyfleetException($"not a zip archive or a folder: {ErrorMessages.Describe(ex)}", path);
        }
    }

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static List<EolProduct> ParseFull(byte[] body, string where) =>
        Parse(body, EolJsonContext.Default.EolEnvelopeListEolProduct, where).Result ?? [];

    // One product's response; other JSON in the folder (an index of names, say) is not a product and is skipped.
    private static EolProduct? ParseOne(byte[] body, string where)
    {
        try
        {
            return JsonSerializer.Deserialize(body, EolJsonContext.Default.EolEnvelopeEolProduct)?.Result is { Name.Length: > 0 } product ? product : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Parse<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string where)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"not an endoflife.date v1 document: {ex.Message}", where);
        }
    }
}
