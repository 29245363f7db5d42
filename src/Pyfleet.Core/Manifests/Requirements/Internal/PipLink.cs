using System.Text.RegularExpressions;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>The parts of pip's <c>models/link.py Link</c> and <c>vcs</c> registry the line interpreter needs.</summary>
internal static partial class PipLink
{
    /// <summary>Every scheme pip's VCS backends register (git, hg, svn, bzr and their <c>+transport</c> forms).</summary>
    public static readonly HashSet<string> VcsSchemes = new(StringComparer.Ordinal)
    {
        "git", "git+http", "git+https", "git+ssh", "git+git", "git+file",
        "hg", "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
        "svn", "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
        "bzr", "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file",
    };

    private static readonly string[] ArchiveExtensions =
        [".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".zip", ".tar.gz", ".tgz", ".tar"];

    /// <summary>The lower-cased scheme before the first <c>:</c>, or null.</summary>
    public static string? Scheme(string url)
    {
        var colon = url.IndexOf(':');
        return colon < 0 ? null : url[..colon].ToLowerInvariant();
    }

    /// <summary>pip <c>utils/urls.is_url</c>: http, https, file, ftp or a VCS scheme.</summary>
    public static bool IsUrl(string text) => Scheme(text) is { } s && (s is "http" or "https" or "file" or "ftp" || VcsSchemes.Contains(s));

    public static bool IsVcs(string url) => Scheme(url) is { } s && VcsSchemes.Contains(s);

    /// <summary><c>Link.egg_fragment</c>: the value of <c>#egg=</c> or <c>&amp;egg=</c>.</summary>
    public static string? EggFragment(string url)
    {
        var match = EggRegex().Match(url);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary><c>Link.filename</c>: the last path segment, percent-decoded.</summary>
    public static string FileName(string url)
    {
        var cut = url.IndexOfAny(['#', '?']);
        var path = cut < 0 ? url : url[..cut];
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "" : path[slash..];
        }

        path = path.TrimEnd('/');
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>pip <c>utils/filetypes.is_archive_file</c>.</summary>
    public static bool IsArchive(string name) => ArchiveExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>pip <c>utils/urls.path_to_url</c>.</summary>
    public static string PathToUrl(string path) => new Uri(path).AbsoluteUri;

    /// <summary>True when pip's <c>_looks_like_path</c> says so: a separator, or a leading dot.</summary>
    public static bool LooksLikePath(string name) => name.Contains('/') || name.Contains(System.IO.Path.DirectorySeparatorChar) || name.StartsWith('.');

    [GeneratedRegex(@"[#&]egg=([^&]*)", RegexOptions.CultureInvariant)]
    private static partial Regex EggRegex();
}
