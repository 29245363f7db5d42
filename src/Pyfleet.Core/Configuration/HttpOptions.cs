namespace Pyfleet.Core.Configuration;

/// <summary><c>[http]</c>: every upstream request (OSV, indexes, endoflife.date).</summary>
public sealed record HttpOptions
{
    /// <summary><c>http.retries</c>: retries after a transient failure (429, 5xx, reset).</summary>
    public int Retries { get; init; } = 3;

    /// <summary><c>http.retry-delay-ms</c>: the first backoff; each retry doubles it.</summary>
    public int RetryDelayMs { get; init; } = 1000;

    /// <summary><c>http.timeout-seconds</c>: one request's limit.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary><c>http.user-agent</c>.</summary>
    public string UserAgent { get; init; } = "pyfleet/0.1 (+https://github.com/pyfleet)";
}
