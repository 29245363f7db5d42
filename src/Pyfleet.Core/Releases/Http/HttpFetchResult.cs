namespace Pyfleet.Core.Releases.Http;

/// <summary>A response body as fetched or revalidated.</summary>
/// <param name="StatusCode">HTTP status of the final answer (200 for a fresh or revalidated cache entry).</param>
/// <param name="ContentType">Media type without parameters, lowercase.</param>
/// <param name="Body">The body (empty for errors).</param>
/// <param name="Source">Where it came from.</param>
public sealed record HttpFetchResult(int StatusCode, string ContentType, byte[] Body, FetchSource Source)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>Where a <see cref="HttpFetchResult"/> came from.</summary>
public enum FetchSource
{
    /// <summary>Fetched over the network (200).</summary>
    Network,

    /// <summary>From the cache without asking (younger than max-age, or offline).</summary>
    Cache,

    /// <summary>From the cache after the server answered 304 Not Modified.</summary>
    Revalidated,
}
