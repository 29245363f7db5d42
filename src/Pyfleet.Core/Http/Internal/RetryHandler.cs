using Polly;
using Polly.Timeout;
using Pyfleet.Core.Configuration;

namespace Pyfleet.Core.Http.Internal;

/// <summary>
/// Runs each request through the <see cref="HttpRetryPipeline"/>: sets the user agent, reads an ordinary body
/// within the attempt (so the time-out covers it and a connection cut mid-body is retried), and turns a failure
/// after the last retry into an <see cref="HttpUpstreamException"/> with the redacted URL.
/// </summary>
internal sealed class RetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline, HttpOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        }

        var streamed = request.Options.TryGetValue(HttpStack.StreamedBody, out var value) && value;
        var attempts = 0;
        try
        {
            return await pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                var response = await base.SendAsync(request, ct);
                if (!streamed)
                {
                    try
                    {
                        await response.Content.LoadIntoBufferAsync(ct);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }
                }

                return response;
            }, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new HttpUpstreamException($"no answer within {options.Timeout.TotalSeconds:0} s (http.timeout-seconds){Attempts(attempts)}",
                Shown(request), timedOut: true, ex);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var what = HttpRetryPipeline.IsConnectionFailure(ex) ? "cannot reach the server (offline?)" : "the request failed";
            throw new HttpUpstreamException($"{what}: {ex.Message}{Attempts(attempts)}", Shown(request), timedOut: false, ex);
        }
    }

    private static string Attempts(int attempts) => attempts > 1 ? $" ({attempts} attempts)" : "";

    private static string Shown(HttpRequestMessage request) => request.RequestUri is { } uri ? UrlRedactor.Redact(uri) : "(no URL)";
}
