using System.Net;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Releases.Simple;

/// <summary>
/// Reads a PEP 503 HTML project page: one anchor per file, <c>#algo=digest</c> fragment, PEP 503
/// <c>data-requires-python</c> (HTML-escaped), PEP 592 <c>data-yanked</c> (value = reason, may be empty) and the
/// PEP 792 <c>pypi:project-status</c> meta tags. Also works for a plain directory listing (a
/// <c>--find-links</c>-style folder served over HTTP).
/// Spec: https://packaging.python.org/en/latest/specifications/simple-repository-api/#base-html-api
/// </summary>
public static partial class SimpleHtmlParser
{
    /// <summary>Parses <paramref name="html"/> fetched from <paramref name="pageUrl"/>.</summary>
    public static ProjectReleases Parse(string html, string normalizedName, Uri pageUrl)
    {
        var files = new List<ReleaseFile>();
        foreach (Match anchor in AnchorRegex().Matches(html))
        {
            var attributes = ReadAttributes(anchor.Groups["attrs"].Value);
            if (!attributes.TryGetValue("href", out var href) || string.IsNullOrEmpty(href))
            {
                continue;
            }

            var absolute = new Uri(pageUrl, href);
            var filename = WebUtility.UrlDecode(absolute.Segments[^1]);
            var version = DistributionFilename.VersionOf(filename, normalizedName);
            if (version is null)
            {
                continue; // not a distribution of this project (e.g. a "../" link in a directory listing)
            }

            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            var fragment = absolute.Fragment.TrimStart('#');
            var equals = fragment.IndexOf('=');
            if (equals > 0)
            {
                hashes[fragment[..equals].ToLowerInvariant()] = fragment[(equals + 1)..].ToLowerInvariant();
            }

            var url = absolute.GetComponents(UriComponents.HttpRequestUrl & ~UriComponents.UserInfo, UriFormat.UriEscaped);
            attributes.TryGetValue("data-requires-python", out var requiresPython);
            var yanked = attributes.TryGetValue("data-yanked", out var reason);
            files.Add(new ReleaseFile(filename, url, version, hashes, string.IsNullOrEmpty(requiresPython) ? null : requiresPython,
                yanked, yanked && reason!.Length > 0 ? reason : null, null));
        }

        return new ProjectReleases(normalizedName, files, [], ReadStatus(html));
    }

    private static ProjectStatus ReadStatus(string html)
    {
        string? status = null;
        string? reason = null;
        foreach (Match meta in MetaRegex().Matches(html))
        {
            var attributes = ReadAttributes(meta.Groups["attrs"].Value);
            if (attributes.TryGetValue("name", out var name) && attributes.TryGetValue("content", out var content))
            {
                if (name == "pypi:project-status")
                {
                    status = content.ToLowerInvariant();
                }
                else if (name == "pypi:project-status-reason")
                {
                    reason = content;
                }
            }
        }

        return status is null ? ProjectStatus.Active : new ProjectStatus(status, reason);
    }

    /// <summary>Attribute values, HTML-decoded; a bare attribute (<c>data-yanked</c>) maps to "".</summary>
    private static Dictionary<string, string> ReadAttributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributeRegex().Matches(text))
        {
            var value = attribute.Groups["dq"].Success ? attribute.Groups["dq"].Value
                : attribute.Groups["sq"].Success ? attribute.Groups["sq"].Value
                : attribute.Groups["bare"].Success ? attribute.Groups["bare"].Value : "";
            result.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(value));
        }

        return result;
    }

    [GeneratedRegex(@"<a\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnchorRegex();

    [GeneratedRegex(@"<meta\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaRegex();

    [GeneratedRegex(@"(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s""'>]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeRegex();
}
