using Pyfleet.Core.Manifests.Requirements;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>
/// The indexes a requirements file names for itself (<c>--index-url</c>/<c>-i</c>, <c>--extra-index-url</c>), which pip
/// uses for that file: <c>fix</c> looks releases up there too, unless <c>--index-url</c> is given on the command line.
/// Credentials written in the file are never kept (the parser redacts them); such an index is used without its
/// user info, so credentials come from <c>.netrc</c> as pip's fallback would take them.
/// </summary>
public static class FileIndexes
{
    /// <summary>The last <c>--index-url</c> (pip keeps the last one) and every <c>--extra-index-url</c>, in file order.</summary>
    public static (string? IndexUrl, IReadOnlyList<string> ExtraIndexUrls) From(RequirementsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var index = document.Options.LastOrDefault(o => o.Name == "--index-url")?.Value;
        var extras = document.Options.Where(o => o.Name == "--extra-index-url" && o.Value is not null).Select(o => WithoutRedactedUserInfo(o.Value!)).Distinct(StringComparer.Ordinal).ToList();
        return (index is null ? null : WithoutRedactedUserInfo(index), extras);
    }

    private static string WithoutRedactedUserInfo(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.UserInfo.Contains("****", StringComparison.Ordinal))
        {
            return url;
        }

        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
    }
}
