using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>A parsed <c>--source</c>: its kind, its location, and the key its records are stored under.</summary>
public sealed record AdvisorySource(AdvisorySourceKind Kind, string Location)
{
    /// <summary>The OSV bucket's PyPI export, the default source (FORMATS.md §6.3).</summary>
    public const string DefaultPyPIUrl = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip";

    /// <summary>Stable store key: the full path, or the URL with credentials redacted.</summary>
    public string Key => Kind == AdvisorySourceKind.RemoteZip ? UrlRedactor.Redact(Location) : Location;

    /// <summary>Parses a path, <c>file://</c> URL, <c>http(s)://</c> URL or YAML tree folder; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static AdvisorySource Parse(string text, string baseDirectory)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return new AdvisorySource(AdvisorySourceKind.RemoteZip, uri.ToString());
        }

        var path = text.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(text, UriKind.Absolute, out var fileUri)
            ? fileUri.LocalPath
            : Path.GetFullPath(text, baseDirectory);
        if (Directory.Exists(path))
        {
            return new AdvisorySource(AdvisorySourceKind.YamlTree, path);
        }

        if (File.Exists(path))
        {
            return new AdvisorySource(AdvisorySourceKind.LocalZip, path);
        }

        throw new PyfleetException("advisory source not found (expected an OSV zip, a PyPA YAML folder, or an http(s) URL)", path);
    }
}
