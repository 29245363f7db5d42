namespace Pyfleet.Core.Http;

/// <summary>
/// Outcome of a conditional download. When <see cref="NotModified"/> is false, <see cref="TempPath"/> holds the
/// complete body (length checked against Content-Length); the caller verifies it and then swaps it in with
/// <see cref="AtomicFile.Replace"/>, or deletes it.
/// </summary>
public sealed record DownloadResult(bool NotModified, string? TempPath, CacheValidators Validators, long Length, string? Sha256);
