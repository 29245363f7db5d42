using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using Polly;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Http;

/// <summary>
/// Conditional GET with retries into a temp file: sends the previous <c>ETag</c>/<c>Last-Modified</c>, treats 304 as
/// "unchanged", checks the body length against <c>Content-Length</c> (a truncated download is an error, never
/// data), and hashes the body while writing. Reusable by every upstream client (OSV bucket, PyPI, endoflife.date).
/// </summary>
public sealed class ConditionalDownloader
{
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ConditionalDownloader(HttpClient client, HttpRetryOptions? retry = null)
    {
        _client = client;
        _pipeline = HttpRetryPipeline.Create(retry ?? new HttpRetryOptions());
    }

    /// <summary>Downloads <paramref name="uri"/> to a temp file beside <paramref name="destination"/>.</summary>
    public async Task<DownloadResult> DownloadAsync(Uri uri, string destination, CacheValidators? previous,
        IProgress<(long Done, long? Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var display = UrlRedactor.Redact(uri);
        using var response = await SendAsync(uri, previous, display, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new DownloadResult(true, null, previous ?? new CacheValidators(null, null), 0, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new PyfleetException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", display);
        }

        var validators = new CacheValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
        var expected = response.Content.Headers.ContentLength;
        var temp = AtomicFile.CreateTempPathBeside(destination);
        try
        {
            var (length, sha) = await CopyAsync(response, temp, expected, progress, display, cancellationToken);
            return new DownloadResult(false, temp, validators, length, sha);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }

    /// <summary>Sends one GET (with retries); connection failures become a clear offline message.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri uri, CacheValidators? previous, string display, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async ct =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (previous?.LastModified is { } modified)
                {
                    request.Headers.IfModifiedSince = modified;
                }

                return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            }, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException or IOException || ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            throw new PyfleetException($"cannot reach the server (offline?): {ex.Message}. Use a local copy: --source PATH/all.zip or PYFLEET_OSV_SOURCE", display, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PyfleetException("the server did not answer in time", display, null, ex);
        }
    }

    private static async Task<(long, string)> CopyAsync(HttpResponseMessage response, string temp, long? expected,
        IProgress<(long, long?)>? progress, string display, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            try
            {
                await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    total += read;
                    progress?.Report((total, expected));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw new PyfleetException($"download interrupted after {total} bytes{(expected is { } e ? $" of {e}" : "")}: {ex.Message}", display, null, ex);
            }

            await output.FlushAsync(cancellationToken);
        }

        if (expected is { } want && want != total)
        {
            throw new PyfleetException($"download truncated: {total} of {want} bytes", display);
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
