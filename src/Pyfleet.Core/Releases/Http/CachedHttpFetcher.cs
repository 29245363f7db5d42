using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pyfleet.Core.Errors;

using Pyfleet.Core.Http;

namespace Pyfleet.Core.Releases.Http;

/// <summary>
/// GET with a disk cache (ETag / Last-Modified revalidation, max-age), bounded parallelism and an offline mode
/// that only reads the cache, over the one <see cref="HttpStack"/> (retries with backoff and <c>Retry-After</c>,
/// time-out, proxy, user agent). Shared by the index clients and the endoflife.date client.
/// </summary>
public sealed class CachedHttpFetcher : IDisposable
{
    private readonly HttpStack _http;
    private readonly HttpFetchOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate;
    private readonly bool _ownsStack;

    /// <summary>
    /// A fetcher over <paramref name="http"/>; cache ages are judged on <paramref name="clock"/> (default: the
    /// stack's). With <paramref name="ownsStack"/> disposing the fetcher disposes the stack.
    /// </summary>
    public CachedHttpFetcher(HttpStack http, HttpFetchOptions options, TimeProvider? clock = null, bool ownsStack = false)
    {
        _http = http;
        _ownsStack = ownsStack;
        _options = options;
        _clock = clock ?? http.Clock;
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelism));
    }

    /// <summary>The options in use.</summary>
    public HttpFetchOptions Options => _options;

    /// <summary>Counts requests sent (revalidations included, the stack's retries not); for tests and benchmarks.</summary>
    public int NetworkRequests => _networkRequests;

    private int _networkRequests;

    /// <summary>
    /// Fetches <paramref name="url"/>. 404 and 410 come back as results (a project an
    /// index does not have); other failures after the retries throw <see cref="PyfleetException"/> naming the
    /// redacted URL (<see cref="HttpUpstreamException"/> when no answer came at all).
    /// </summary>
    public async Task<HttpFetchResult> GetAsync(Uri url, string accept, NetworkCredential? credential, CancellationToken cancellationToken)
    {
        var shown = UrlRedactor.Redact(url);
        var key = CacheKey(url, accept);
        var metaPath = Path.Combine(_options.CacheDirectory, key + ".json");
        var bodyPath = Path.Combine(_options.CacheDirectory, key + ".body");
        var cached = await ReadEntryAsync(metaPath, bodyPath, cancellationToken);
        var now = _clock.GetUtcNow();
        if (cached is not null && (_options.Offline || now - cached.Value.Entry.StoredAt < _options.MaxAge))
        {
            return new HttpFetchResult(200, cached.Value.Entry.ContentType, cached.Value.Body, FetchSource.Cache);
        }

        if (_options.Offline)
        {
            throw new PyfleetException("not in the cache and --offline is set", shown);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var response = await SendAsync(url, accept, credential, cached?.Entry, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                var refreshed = cached.Value.Entry with { StoredAt = _clock.GetUtcNow() };
                await WriteMetaAsync(metaPath, refreshed, cancellationToken);
                return new HttpFetchResult(200, refreshed.ContentType, cached.Value.Body, FetchSource.Revalidated);
            }

            var status = (int)response.StatusCode;
            var contentType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "";
            if (status is 404 or 410)
            {
                return new HttpFetchResult(status, contentType, [], FetchSource.Network);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new PyfleetException($"HTTP {status} {response.ReasonPhrase}", shown);
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var entry = new CacheEntry(shown, contentType, response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture), _clock.GetUtcNow());
            Directory.CreateDirectory(_options.CacheDirectory);
            var tempBody = bodyPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(tempBody, body, cancellationToken);
            File.Move(tempBody, bodyPath, overwrite: true);
            await WriteMetaAsync(metaPath, entry, cancellationToken);
            return new HttpFetchResult(status, contentType, body, FetchSource.Network);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, string accept, NetworkCredential? credential, CacheEntry? cached, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (credential is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.UserName}:{credential.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        if (cached?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (cached?.LastModified is { } lastModified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        Interlocked.Increment(ref _networkRequests);
        return await _http.Client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private static string CacheKey(Uri url, string accept) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri + "\n" + accept)));

    private static async Task<(CacheEntry Entry, byte[] Body)?> ReadEntryAsync(string metaPath, string bodyPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(metaPath) || !File.Exists(bodyPath))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(metaPath, cancellationToken), HttpCacheJsonContext.Default.CacheEntry);
            return entry is null ? null : (entry, await File.ReadAllBytesAsync(bodyPath, cancellationToken));
        }
        catch (JsonException)
        {
            return null; // a torn cache entry is a miss, not an error
        }
    }

    private static async Task WriteMetaAsync(string metaPath, CacheEntry entry, CancellationToken cancellationToken)
    {
        // Write-then-rename so a concurrent reader never sees half a file.
        var temp = metaPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(entry, HttpCacheJsonContext.Default.CacheEntry), cancellationToken);
        File.Move(temp, metaPath, overwrite: true);
    }

    public void Dispose()
    {
        _gate.Dispose();
        if (_ownsStack)
        {
            _http.Dispose();
        }
    }
}
