using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Http;

/// <summary>
/// Conditional GET with retries into a temp file: sends the previous <c>ETag</c>/<c>Last-Modified</c>, treats 304 as
/// "unchanged", checks the body length against <c>Content-Length</c> (a truncated download is an error, never
/// data), and hashes the body while writing. Retries and the time-out to the headers come from the
/// <see cref="HttpStack"/>; a body that pauses longer than <c>http.timeout-seconds</c> between two reads is an error.
/// </summary>
public sealed class ConditionalDownloader(HttpStack http)
{

    /// <summary>Downloads <paramref name="uri"/> to a temp file beside <paramref name="destination"/>.</summary>
    public async Task<DownloadResult> DownloadAsync(Uri uri, string destination, CacheValidators? previous,
        IProgress<(long Done, long? Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var display = UrlRedactor.Redact(uri);
        using var response = await SendAsync(uri, previous, display, streamed: true, cancellationToken);
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
            var (length, sha) = await CopyAsync(response, temp, expected, progress, display, http.Options.Timeout, cancellationToken);
            return new DownloadResult(false, temp, validators, length, sha);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }

    /// <summary>Sends one GET (with the stack's retries), its body read; a server that cannot be reached says how to work offline.</summary>
    public Task<HttpResponseMessage> SendAsync(Uri uri, CacheValidators? previous, string display, CancellationToken cancellationToken) =>
        SendAsync(uri, previous, display, streamed: false, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CacheValidators? previous, string display, bool streamed, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Options.Set(HttpStack.StreamedBody, streamed);
        if (previous?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (previous?.LastModified is { } modified)
        {
            request.Headers.IfModifiedSince = modified;
        }

        try
        {
            return await http.Client.SendAsync(request, streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpUpstreamException ex) when (!ex.TimedOut)
        {
            throw new PyfleetException($"{ex.Message}. Use a local copy: --source PATH/all.zip or PYFLEET_OSV_SOURCE", display, null, ex);
        }
    }

    private static async Task<(long, string)> CopyAsync(HttpResponseMessage response, string temp, long? expected,
        IProgress<(long, long?)>? progress, string display, TimeSpan stall, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            try
            {
                await using var input = await response.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[1 << 16];
                using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                int read;
                while (true)
                {
                    // A stalled body (the server stops sending but keeps the connection) ends after `stall`, not never.
                    pause.CancelAfter(stall);
                    try
                    {
                        read = await input.ReadAsync(buffer, pause.Token);
                    }
                    catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new PyfleetException($"download stalled: no data for {stall.TotalSeconds:0} s after {total} bytes (http.timeout-seconds)", display, null, ex);
                    }

                    if (read == 0)
                    {
                        break;
                    }

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
