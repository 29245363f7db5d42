using System.Net;
using Polly;
using Polly.Retry;

namespace Pyfleet.Core.Http;

/// <summary>
/// A Polly.Core pipeline for upstream HTTP calls: retries 408, 429 and 5xx responses and connection failures with
/// exponential backoff and jitter, honouring <c>Retry-After</c> (seconds or date) up to a ceiling.
/// </summary>
public static class HttpRetryPipeline
{
    /// <summary>Builds the pipeline for <paramref name="options"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpRetryOptions options, TimeProvider? clock = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (clock is not null)
        {
            builder.TimeProvider = clock;
        }

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.BaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>(ex => !ex.CancellationToken.IsCancellationRequested)
                    .HandleResult(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    /// <summary>True for statuses worth retrying: 408, 429 and every 5xx.</summary>
    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, HttpRetryOptions options)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null; // use the exponential backoff
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > options.MaxRetryAfter ? options.MaxRetryAfter : wait.Value;
    }
}
