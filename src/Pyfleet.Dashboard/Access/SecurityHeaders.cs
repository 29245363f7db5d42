using Microsoft.AspNetCore.Http;

namespace Pyfleet.Dashboard.Access;

/// <summary>
/// Headers on every dashboard response: a Content-Security-Policy that allows no script at all (the pages need none)
/// and only this server's style sheet, no framing, no referrer leaking host names, no MIME sniffing.
/// </summary>
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
    }
}
