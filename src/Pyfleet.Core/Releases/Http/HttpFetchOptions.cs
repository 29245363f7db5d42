namespace Pyfleet.Core.Releases.Http;

/// <summary>How <see cref="CachedHttpFetcher"/> caches and paces (retries are the <see cref="Core.Http.HttpStack"/>'s).</summary>
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
}
