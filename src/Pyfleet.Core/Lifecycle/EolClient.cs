using System.Text.Json;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Releases.Http;

namespace Pyfleet.Core.Lifecycle;

/// <summary>
/// endoflife.date API v1 client and local store. <see cref="SyncAsync"/> downloads <c>/products/full/</c> and
/// keeps one JSON file per product under <c>{home}/cache/endoflife/products/</c>; <see cref="GetProductAsync"/>
/// reads that store and falls back to <c>/products/{name}/</c> through the HTTP cache (offline: store only).
/// Plain JSON files rather than SQLite: the data is a read-only mirror of a static API, looked up by product
/// name only, and the files stay byte-identical to upstream (easy to inspect and to seed in tests).
/// </summary>
public sealed class EolClient(CachedHttpFetcher fetcher, Uri baseUrl, string storeDirectory)
{
    /// <summary>The public API root.</summary>
    public const string DefaultBaseUrl = "https://endoflife.date/api/v1";

    private readonly Dictionary<string, EolProduct?> _memo = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>
    /// Downloads every product (with releases) and replaces the local store; returns the product count. A
    /// <c>file:</c> base URL reads a local static copy (see <see cref="ImportAsync"/>); over HTTP, a static mirror
    /// without trailing-slash URLs is served <c>products/full.json</c> when <c>products/full/</c> is not found.
    /// </summary>
    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        if (baseUrl.IsFile)
        {
            return await ImportAsync(baseUrl.LocalPath, cancellationToken);
        }

        var url = Endpoint("products/full/");
        var result = await fetcher.GetAsync(url, "application/json", null, cancellationToken);
        if (result.StatusCode == 404)
        {
            url = Endpoint("products/full.json");
            result = await fetcher.GetAsync(url, "application/json", null, cancellationToken);
        }

        if (!result.IsSuccess)
        {
            throw new PyfleetException($"HTTP {result.StatusCode}", UrlRedactor.Redact(url));
        }

        var envelope = Deserialize(result.Body, EolJsonContext.Default.EolEnvelopeListEolProduct, url);
        return await StoreAsync(envelope.Result ?? [], cancellationToken);
    }

    /// <summary>
    /// Air-gapped sync: replaces the local store with the endoflife.date API v1 responses in <paramref name="source"/>
    /// (a folder, a <c>file://</c> URL or a zip with <c>products/full.json</c> or <c>products/NAME.json</c>).
    /// </summary>
    public async Task<int> ImportAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return await StoreAsync(Internal.EolStaticCopy.Read(source), cancellationToken);
    }

    private async Task<int> StoreAsync(IReadOnlyList<EolProduct> products, CancellationToken cancellationToken)
    {
        if (products.Count == 0)
        {
            throw new PyfleetException("the endoflife.date source lists no products; the local copy was kept", storeDirectory);
        }

        Directory.CreateDirectory(storeDirectory);
        foreach (var product in products)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(product, EolJsonContext.Default.EolProduct);
            await File.WriteAllBytesAsync(StorePath(product.Name), bytes, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(storeDirectory, ".synced"), DateTimeOffset.UtcNow.ToString("O"), cancellationToken);
        _memo.Clear();
        return products.Count;
    }

    /// <summary>The products in the local store (after a sync).</summary>
    public IEnumerable<EolProduct> StoredProducts()
    {
        if (!Directory.Exists(storeDirectory))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(storeDirectory, "*.json"))
        {
            var product = JsonSerializer.Deserialize(File.ReadAllBytes(file), EolJsonContext.Default.EolProduct);
            if (product is not null)
            {
                yield return product;
            }
        }
    }

    /// <summary>One product, or null when endoflife.date has no such product (404) — "unknown", not "supported".</summary>
    public async Task<EolProduct?> GetProductAsync(string name, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_memo.TryGetValue(name, out var known))
            {
                return known;
            }

            var product = await LoadAsync(name, cancellationToken);
            _memo[name] = product;
            return product;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<EolProduct?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        var path = StorePath(name);
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken), EolJsonContext.Default.EolProduct);
        }

        if (baseUrl.IsFile)
        {
            return Internal.EolStaticCopy.ReadProduct(baseUrl.LocalPath, name);
        }

        var url = Endpoint($"products/{Uri.EscapeDataString(name)}/");
        HttpFetchResult result;
        try
        {
            result = await fetcher.GetAsync(url, "application/json", null, cancellationToken);
            if (result.StatusCode == 404)
            {
                url = Endpoint($"products/{Uri.EscapeDataString(name)}.json"); // a static copy has no trailing-slash URLs
                result = await fetcher.GetAsync(url, "application/json", null, cancellationToken);
            }
        }
        catch (PyfleetException) when (fetcher.Options.Offline)
        {
            return null; // offline, never synced and never fetched: unknown
        }

        if (result.StatusCode == 404)
        {
            return null;
        }

        if (!result.IsSuccess)
        {
            throw new PyfleetException($"HTTP {result.StatusCode}", UrlRedactor.Redact(url));
        }

        return Deserialize(result.Body, EolJsonContext.Default.EolEnvelopeEolProduct, url).Result;
    }

    private Uri Endpoint(string relative) => new(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), relative);

    private string StorePath(string name) => Path.Combine(storeDirectory, string.Concat(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')) + ".json");

    private static T Deserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, Uri url)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"not an endoflife.date v1 document: {ex.Message}", UrlRedactor.Redact(url), inner: ex);
        }
    }
}
