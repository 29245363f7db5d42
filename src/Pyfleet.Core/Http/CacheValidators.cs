namespace Pyfleet.Core.Http;

/// <summary>What a previous download returned, sent back as <c>If-None-Match</c> / <c>If-Modified-Since</c>.</summary>
public sealed record CacheValidators(string? ETag, DateTimeOffset? LastModified);
