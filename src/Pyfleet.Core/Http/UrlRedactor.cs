using System.Text.RegularExpressions;

namespace Pyfleet.Core.Http;

/// <summary>
/// Removes credentials from URLs before they reach a message, log, report or store, the one way for every part of
/// Pyfleet: in the user-info a password becomes <c>****</c> and a lone user name (a token) too, as pip's
/// <c>redact_auth_from_url</c> shows them (<c>https://ci:****@mirror/simple</c>); query parameters that carry
/// secrets (<c>token</c>, <c>key</c>, <c>password</c>, <c>sig</c>, …) keep their name and lose their value. Works
/// on a URL and on text with URLs in it (a requirement line), and leaves everything else as written.
/// </summary>
public static partial class UrlRedactor
{
    /// <summary>The redacted form of <paramref name="text"/>.</summary>
    public static string Redact(string text) =>
        SecretParameter().Replace(UserInfo().Replace(text, m => m.Groups["password"].Success
            ? $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:****@"
            : $"{m.Groups["scheme"].Value}****@"), "${name}=****");

    /// <summary>The redacted form of <paramref name="uri"/>.</summary>
    public static string Redact(Uri uri) => Redact(uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString);

    /// <summary><paramref name="url"/> with no user-info at all, for comparing locations (<c>https://u:p@host/</c> is <c>https://host/</c>).</summary>
    public static string WithoutCredentials(string url) => UserInfo().Replace(url, "${scheme}");

    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)(?<user>[^/@\s:?#]*)(?::(?<password>[^/@\s?#]*))?@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"(?<name>[?&][^&=#\s]*(token|key|password|passwd|secret|sig|signature|auth|credential)[^&=#\s]*)=[^&#\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();
}
