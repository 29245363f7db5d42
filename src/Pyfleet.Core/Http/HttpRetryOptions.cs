namespace Pyfleet.Core.Http;

/// <summary>Retry settings for upstream calls; tests shrink the delays.</summary>
public sealed record HttpRetryOptions
{
    /// <summary>Retries after the first attempt (429, 5xx, connection failures).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubled each retry with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest Retry-After honoured; longer requests fail with a message instead of hanging.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
