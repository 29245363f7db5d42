namespace Pyfleet.Testing.Http;

/// <summary>
/// What <see cref="LoopbackServer"/> answers. <see cref="TruncateAfter"/> sends the full Content-Length header but
/// closes the connection after that many body bytes (an interrupted download). <see cref="StallFor"/> keeps the
/// connection open and silent that long before the headers (or, with <see cref="TruncateAfter"/>, after the part
/// of the body sent): a server that hangs.
/// </summary>
public sealed record LoopbackServerResponse(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null, int? TruncateAfter = null,
    TimeSpan? StallFor = null)
{
    public static LoopbackServerResponse Text(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, System.Text.Encoding.UTF8.GetBytes(body), headers);

    public static LoopbackServerResponse File(string path, string? etag = null) =>
        new(200, System.IO.File.ReadAllBytes(path), etag is null ? null : new Dictionary<string, string> { ["ETag"] = etag });

    public static LoopbackServerResponse NotModified(string etag) => new(304, [], new Dictionary<string, string> { ["ETag"] = etag });
}
