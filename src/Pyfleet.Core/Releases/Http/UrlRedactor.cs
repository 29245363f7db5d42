namespace Pyfleet.Core.Releases.Http;

/// <summary>Shows URLs without secrets: the password (or a lone token) in the user-info becomes <c>****</c>, as pip's <c>redact_auth_from_url</c> does.</summary>
public static class UrlRedactor
{
    /// <summary>The URL with its password replaced by <c>****</c> (a user name alone is treated as a token and hidden too).</summary>
    public static string Redact(Uri url)
    {
        if (string.IsNullOrEmpty(url.UserInfo))
        {
            return url.AbsoluteUri;
        }

        var colon = url.UserInfo.IndexOf(':');
        var shown = colon >= 0 ? url.UserInfo[..colon] + ":****" : "****";
        var builder = new UriBuilder(url) { UserName = "", Password = "" };
        var bare = builder.Uri.AbsoluteUri;
        var schemeEnd = bare.IndexOf("://", StringComparison.Ordinal) + 3;
        return bare[..schemeEnd] + shown + "@" + bare[schemeEnd..];
    }

    /// <summary>Redacts a URL given as text; text that is not an absolute URL is returned unchanged.</summary>
    public static string Redact(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Redact(uri) : url;
}
