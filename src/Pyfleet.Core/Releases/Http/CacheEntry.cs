namespace Pyfleet.Core.Releases.Http;

/// <summary>The metadata stored beside a cached body. The URL is stored redacted: credentials never reach the disk.</summary>
internal sealed record CacheEntry(string Url, string ContentType, string? ETag, string? LastModified, DateTimeOffset StoredAt);
