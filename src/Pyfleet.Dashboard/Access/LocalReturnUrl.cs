namespace Pyfleet.Dashboard.Access;

/// <summary>Where to go after logging in: only a path on this server (never <c>//host</c> or <c>/\host</c>), else <c>/</c>.</summary>
internal static class LocalReturnUrl
{
    public static string Sanitize(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\n') && !url.Contains('\r')
            ? url
            : "/";
}
