using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Pyfleet.Core.Configuration;

namespace Pyfleet.Core.Http;

/// <summary>
/// The Polly.Core pipeline of <see cref="HttpStack"/>: retries 408, 429 and 5xx responses, refused or reset
/// connections and attempt time-outs with exponential backoff and jitter, honouring <c>Retry-After</c> (seconds
/// or an HTTP date, RFC 9110 §10.2.3) up to <see cref="HttpOptions.MaxRetryAfter"/>; inside it, one time-out per
/// attempt. TLS and name-resolution failures are not retried: they do not heal in seconds.
/// </summary>
public static class HttpRetryPipeline
{
    /// <summary>Builds the pipeline: backoff on <paramref name="clock"/>, the attempt time-out on the system clock.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(HttpOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var waits = clock ?? TimeProvider.System;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = waits };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryAfter,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(IsTransient)
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options, waits)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        // The time-out measures real I/O, so it keeps the system clock whatever clock the waits use.
        var attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
            .AddTimeout(options.Timeout).Build();
        return builder.AddPipeline(attempt).Build();
    }

    /// <summary>True for statuses worth retrying: 408, 429 and every 5xx.</summary>
    public static bool IsTransient(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
    }

    /// <summary>True for a connection that was refused, reset or cut short; false for TLS and DNS failures.</summary>
    public static bool IsTransient(HttpRequestException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ConfigurationLimitExceeded
                or HttpRequestError.InvalidResponse or HttpRequestError.UserAuthenticationError => false,
            _ => failure.InnerException is not System.Security.Authentication.AuthenticationException,
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, HttpOptions options, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (wait is null)
        {
            return null; // the exponential backoff
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > options.MaxRetryAfter ? options.MaxRetryAfter : wait.Value;
    }

    /// <summary>A connection failure (not a protocol or TLS one), for the "offline?" wording.</summary>
    internal static bool IsConnectionFailure(HttpRequestException failure) =>
        failure.InnerException is SocketException or IOException || failure.HttpRequestError is HttpRequestError.ConnectionError;
}
