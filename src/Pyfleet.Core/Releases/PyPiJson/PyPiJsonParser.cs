using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Releases.PyPiJson;

/// <summary>
/// Reads PyPI's JSON API project document (<c>/pypi/{name}/json</c>): the deprecated-but-present
/// <c>releases</c> map (version → files, with <c>requires_python</c>, <c>yanked</c>, <c>yanked_reason</c>,
/// <c>digests</c>, <c>upload_time_iso_8601</c>). A release listed without files is kept as a declared version.
/// Docs: https://docs.pypi.org/api/json/
/// </summary>
public static class PyPiJsonParser
{
    /// <summary>Parses the document fetched from <paramref name="url"/>.</summary>
    public static ProjectReleases Parse(ReadOnlySpan<byte> json, string normalizedName, Uri url)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var files = new List<ReleaseFile>();
            var versions = new List<string>();
            if (root.TryGetProperty("releases", out var releases) && releases.ValueKind == JsonValueKind.Object)
            {
                foreach (var release in releases.EnumerateObject())
                {
                    versions.Add(release.Name);
                    foreach (var file in release.Value.EnumerateArray())
                    {
                        files.Add(ReadFile(file, release.Name, url));
                    }
                }
            }

            return new ProjectReleases(normalizedName, files, versions, ProjectStatus.Active);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new PyfleetException($"not a valid PyPI JSON API document: {ex.Message}", url.ToString(), inner: ex);
        }
    }

    private static ReleaseFile ReadFile(JsonElement file, string version, Uri baseUrl)
    {
        var filename = file.GetProperty("filename").GetString()!;
        var url = new Uri(baseUrl, file.GetProperty("url").GetString()!).GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.TryGetProperty("digests", out var digests) && digests.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in digests.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
            {
                hashes[entry.Name.ToLowerInvariant()] = entry.Value.GetString()!.ToLowerInvariant();
            }
        }

        var requiresPython = file.TryGetProperty("requires_python", out var rp) && rp.ValueKind == JsonValueKind.String ? rp.GetString() : null;
        var yanked = file.TryGetProperty("yanked", out var y) && y.ValueKind == JsonValueKind.True;
        var reason = file.TryGetProperty("yanked_reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        DateTimeOffset? uploaded = file.TryGetProperty("upload_time_iso_8601", out var t) && t.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        return new ReleaseFile(filename, url, version, hashes, requiresPython, yanked, reason, uploaded);
    }
}
