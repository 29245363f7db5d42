namespace Pyfleet.Core.Releases.Http;

/// <summary>How <see cref="CachedHttpFetcher"/> caches, paces and retries.</summary>
public sealed record HttpFetchOptions
{
    /// <summary>Folder for cached responses (normally <c>{home}/cache/http</c>).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>A cached response younger than this is used without asking the server (PyPI's own simple-page max-age is 10 min).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Use only the cache; a missing entry is an error.</summary>
    public bool Offline { get; init; }

    /// <summary>Requests in flight at once (PyPI asks clients to avoid bursts).</summary>
    public int MaxParallelism { get; init; } = 8;

    /// <summary>Retries after a 429, a 5xx or a network failure.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubled on each retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound on any one wait, including a server's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent on every request (PyPI asks for a specific User-Agent).</summary>
    public string UserAgent { get; init; } = "pyfleet/0.1 (+https://github.com/pyfleet/pyfleet)";
}
