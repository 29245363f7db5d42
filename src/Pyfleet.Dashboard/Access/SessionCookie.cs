using Microsoft.AspNetCore.Http;

namespace Pyfleet.Dashboard.Access;

/// <summary>
/// The login cookie: it carries the token itself (HttpOnly, so no script reads it; <c>Secure</c> on TLS; SameSite=Lax),
/// and every request checks it with <c>FleetService.AuthenticateAsync</c>, so revoking or expiring the token ends
/// every session that uses it, on every server process, with no session store.
/// </summary>
internal static class SessionCookie
{
    public const string Name = "pyfleet_session";
    public const string AntiforgeryName = "pyfleet_form";

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && value.Length > 0 ? value : null;

    public static void Write(HttpResponse response, string secret, TimeSpan lifetime) =>
        response.Cookies.Append(Name, secret, Options(response.HttpContext.Request, lifetime));

    public static void Delete(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request, null));

    private static CookieOptions Options(HttpRequest request, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        IsEssential = true,
        MaxAge = lifetime,
    };
}
