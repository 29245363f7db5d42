namespace Pyfleet.Core.Configuration;

/// <summary>
/// <c>[http]</c>: the one set of options of every upstream request (OSV, package indexes, endoflife.date, webhooks),
/// applied by <see cref="Http.HttpStack"/>.
/// </summary>
public sealed record HttpOptions
{
    /// <summary><c>http.retries</c>: retries after a transient failure (408, 429, 5xx, a refused or reset connection, a time-out).</summary>
    public int Retries { get; init; } = 3;

    /// <summary><c>http.retry-delay-ms</c>: the first backoff; each retry doubles it (with jitter).</summary>
    public int RetryDelayMs { get; init; } = 1000;

    /// <summary><c>http.max-retry-after-seconds</c>: the longest wait honoured from a <c>Retry-After</c> header (and any backoff).</summary>
    public int MaxRetryAfterSeconds { get; init; } = 60;

    /// <summary>
    /// <c>http.timeout-seconds</c>: one attempt's limit, from sending the request to the last byte of an ordinary
    /// response; for a streamed download the longest pause between two reads of its body.
    /// </summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary><c>http.user-agent</c>: sent on every request that does not set its own (PyPI asks clients to identify themselves).</summary>
    public string UserAgent { get; init; } = "pyfleet/0.1 (+https://github.com/pyfleet)";

    /// <summary>
    /// <c>http.proxy</c>: the proxy for every request (<c>http://[user:password@]host:port</c>). Unset: the standard
    /// variables <c>https_proxy</c>/<c>HTTPS_PROXY</c>, <c>http_proxy</c>/<c>HTTP_PROXY</c> and <c>all_proxy</c>/<c>ALL_PROXY</c>.
    /// </summary>
    public string? Proxy { get; init; }

    /// <summary><c>http.no-proxy</c>: hosts reached directly (as <c>NO_PROXY</c>, which applies when this is empty).</summary>
    public IReadOnlyList<string> NoProxy { get; init; } = [];

    /// <summary><c>http.ca-bundle</c>: a PEM file of certificate authorities trusted besides the system's (a company TLS proxy, an internal mirror).</summary>
    public string? CaBundle { get; init; }

    /// <summary>The first backoff as a time span.</summary>
    public TimeSpan RetryDelay => TimeSpan.FromMilliseconds(RetryDelayMs);

    /// <summary>The longest honoured wait as a time span.</summary>
    public TimeSpan MaxRetryAfter => TimeSpan.FromSeconds(MaxRetryAfterSeconds);

    /// <summary>One attempt's limit as a time span (at least one second).</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds));
}
