using System.Text.RegularExpressions;

namespace Pyfleet.Core.Http;

/// <summary>
/// Removes credentials from URLs before they reach a message, log or report: the <c>user:password@</c> part and
/// query parameters that carry secrets (<c>token</c>, <c>key</c>, <c>password</c>, <c>sig</c>, …).
/// </summary>
public static partial class UrlRedactor
{
    /// <summary>The redacted form of <paramref name="url"/>; text that is not an absolute URL is returned unchanged.</summary>
    public static string Redact(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return url;
        }

        var builder = new UriBuilder(uri);
        if (!string.IsNullOrEmpty(builder.UserName) || !string.IsNullOrEmpty(builder.Password))
        {
            builder.UserName = "***";
            builder.Password = "";
        }

        if (builder.Query.Length > 1)
        {
            builder.Query = SecretParameter().Replace(builder.Query.TrimStart('?'), m => $"{m.Groups["name"].Value}=***");
        }

        return builder.Uri.ToString();
    }

    /// <summary>The redacted form of <paramref name="uri"/>.</summary>
    public static string Redact(Uri uri) => Redact(uri.ToString());

    [GeneratedRegex(@"(?<name>[^&=]*(token|key|password|passwd|secret|sig|signature|auth|credential)[^&=]*)=[^&]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();
}
