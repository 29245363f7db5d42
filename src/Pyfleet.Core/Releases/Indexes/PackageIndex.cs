using System.Net;
using Pyfleet.Core.Http;
using Pyfleet.Core.Releases.Http;

namespace Pyfleet.Core.Releases.Indexes;

/// <summary>
/// One package index (PEP 503/691 simple root such as <c>https://pypi.org/simple/</c>) with its credentials kept
/// apart from the URL so that the URL can be shown and the credentials never are.
/// </summary>
public sealed class PackageIndex
{
    private PackageIndex(Uri url, NetworkCredential? credential)
    {
        Url = url;
        Credential = credential;
    }

    /// <summary>The simple root, without user-info, always ending in <c>/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Basic-auth credentials from the URL's user-info or <c>.netrc</c>; never printed.</summary>
    public NetworkCredential? Credential { get; }

    /// <summary>For display: the URL, with <c>user:****@</c> when credentials are attached.</summary>
    public string Display => Credential is null ? Url.AbsoluteUri : UrlRedactor.Redact(new UriBuilder(Url) { UserName = Credential.UserName, Password = "x" }.Uri);

    /// <summary>
    /// Builds an index from a configured URL; user-info in the URL wins, else the <paramref name="netrc"/> entry for
    /// the host (pip's order: URL, then keyring/netrc).
    /// </summary>
    public static PackageIndex Create(string url, Netrc? netrc = null)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new Errors.PyfleetException($"not an http(s) index URL: {UrlRedactor.Redact(url)}");
        }

        NetworkCredential? credential = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            credential = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        else if (netrc?.For(uri.Host) is { } entry)
        {
            credential = new NetworkCredential(entry.Login, entry.Password);
        }

        var builder = new UriBuilder(uri) { UserName = "", Password = "" };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return new PackageIndex(builder.Uri, credential);
    }

    /// <summary>The project page <c>{root}/{normalized}/</c> (request the normalised name; do not rely on redirects).</summary>
    public Uri ProjectUrl(string normalizedName) => new(Url, normalizedName + "/");

    /// <summary>The PyPI JSON API URL for a project when this index is PyPI-shaped (<c>…/simple/</c> → <c>…/pypi/{name}/json</c>).</summary>
    public Uri JsonApiUrl(string normalizedName) => new(Url, $"../pypi/{normalizedName}/json");

    public override string ToString() => Display;
}
