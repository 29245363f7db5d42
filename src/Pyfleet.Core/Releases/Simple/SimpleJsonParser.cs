using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Releases.Simple;

/// <summary>
/// Reads a PEP 691 JSON project page (<c>application/vnd.pypi.simple.v1+json</c>), with the PEP 700 fields
/// (<c>versions</c>, <c>upload-time</c>), PEP 592 <c>yanked</c> (bool or reason) and PEP 792
/// <c>project-status</c>. Unknown keys are ignored, as the spec requires.
/// Spec: https://packaging.python.org/en/latest/specifications/simple-repository-api/#json-serialization
/// </summary>
public static class SimpleJsonParser
{
    /// <summary>The API major version this client understands; a greater major is an error (spec: "fail").</summary>
    public const int SupportedMajor = 1;

    /// <summary>Parses <paramref name="json"/> fetched from <paramref name="pageUrl"/> (redacted, for messages and relative URLs).</summary>
    public static ProjectReleases Parse(ReadOnlySpan<byte> json, string normalizedName, Uri pageUrl)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            CheckApiVersion(root, pageUrl);
            var files = new List<ReleaseFile>();
            if (root.TryGetProperty("files", out var fileArray) && fileArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var file in fileArray.EnumerateArray())
                {
                    files.Add(ReadFile(file, normalizedName, pageUrl));
                }
            }

            var versions = new List<string>();
            if (root.TryGetProperty("versions", out var versionArray) && versionArray.ValueKind == JsonValueKind.Array)
            {
                versions.AddRange(versionArray.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            }

            return new ProjectReleases(normalizedName, files, versions, ReadStatus(root));
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"not a valid PEP 691 JSON page: {ex.Message}", pageUrl.ToString(), inner: ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new PyfleetException($"unexpected PEP 691 JSON shape: {ex.Message}", pageUrl.ToString(), inner: ex);
        }
    }

    private static void CheckApiVersion(JsonElement root, Uri pageUrl)
    {
        if (root.TryGetProperty("meta", out var meta) && meta.TryGetProperty("api-version", out var apiVersion)
            && apiVersion.ValueKind == JsonValueKind.String)
        {
            var text = apiVersion.GetString()!;
            var major = text.Split('.')[0];
            if (int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > SupportedMajor)
            {
                throw new PyfleetException($"simple API version {text} is newer than the supported {SupportedMajor}.x", pageUrl.ToString());
            }
        }
    }

    private static ReleaseFile ReadFile(JsonElement file, string normalizedName, Uri pageUrl)
    {
        var filename = file.GetProperty("filename").GetString() ?? "";
        var url = file.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : filename;
        var absolute = new Uri(pageUrl, url).GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.TryGetProperty("hashes", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in h.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
            {
                hashes[entry.Name.ToLowerInvariant()] = entry.Value.GetString()!.ToLowerInvariant();
            }
        }

        string? requiresPython = file.TryGetProperty("requires-python", out var rp) && rp.ValueKind == JsonValueKind.String ? rp.GetString() : null;
        var (yanked, reason) = file.TryGetProperty("yanked", out var y) ? y.ValueKind switch
        {
            JsonValueKind.True => (true, (string?)null),
            JsonValueKind.String => (y.GetString()!.Length > 0, y.GetString()),
            _ => (false, null),
        } : (false, null);
        DateTimeOffset? uploaded = file.TryGetProperty("upload-time", out var t) && t.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        return new ReleaseFile(filename, absolute, DistributionFilename.VersionOf(filename, normalizedName), hashes, requiresPython, yanked, reason, uploaded);
    }

    // PEP 792: canonical is project-status.status; the PEP's prose says "state" and its example puts it under meta.
    private static ProjectStatus ReadStatus(JsonElement root)
    {
        foreach (var holder in new[] { root, root.TryGetProperty("meta", out var meta) ? meta : default })
        {
            if (holder.ValueKind == JsonValueKind.Object && holder.TryGetProperty("project-status", out var status) && status.ValueKind == JsonValueKind.Object)
            {
                var value = Text(status, "status") ?? Text(status, "state");
                if (value is not null)
                {
                    return new ProjectStatus(value.ToLowerInvariant(), Text(status, "reason"));
                }
            }
        }

        return ProjectStatus.Active;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
