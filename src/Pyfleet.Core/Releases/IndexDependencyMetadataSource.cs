using System.Net.Http;
using System.Text.Json;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Policy;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Releases;

/// <summary>
/// Dependency metadata from PyPI's JSON API per release, <c>{base}/pypi/{name}/{version}/json</c> →
/// <c>info.requires_dist</c> (https://docs.pypi.org/api/json/#get-a-release), derived from each simple root the same way
/// as <see cref="PackageIndex.JsonApiUrl"/>. Indexes are asked in order; the first that has the release answers.
/// Anything else (404 everywhere, network failure, offline cache miss, a body that is not the JSON API) is unknown
/// (null), never "no dependencies".
/// </summary>
public sealed class IndexDependencyMetadataSource(CachedHttpFetcher fetcher, IndexConfiguration indexes) : IDependencyMetadataSource
{
    /// <inheritdoc />
    public string Description => "the index " + indexes.Primary.Display;

    /// <summary>The per-release JSON API URL of <paramref name="version"/> of a project on <paramref name="index"/>.</summary>
    public static Uri ReleaseJsonUrl(PackageIndex index, string normalizedName, string version) =>
        new(index.Url, $"../pypi/{normalizedName}/{Uri.EscapeDataString(version)}/json");

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>?> GetRequiresDistAsync(string name, string version, CancellationToken cancellationToken)
    {
        var normalized = PackageName.Normalize(name);
        foreach (var index in indexes.All)
        {
            HttpFetchResult result;
            try
            {
                result = await fetcher.GetAsync(ReleaseJsonUrl(index, normalized, version), "application/json", index.Credential, cancellationToken);
            }
            catch (Exception ex) when (ex is PyfleetException or HttpRequestException or IOException)
            {
                // Network failure or --offline without a cached answer: this index cannot tell; try the next.
                continue;
            }

            if (result.IsSuccess && Parse(result.Body) is { } requiresDist)
            {
                return requiresDist;
            }
        }

        return null;
    }

    /// <summary><c>info.requires_dist</c>: a list of PEP 508 strings, or null/absent for a release without dependencies.</summary>
    internal static IReadOnlyList<string>? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("info", out var info) || info.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!info.TryGetProperty("requires_dist", out var requires) || requires.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            return requires.ValueKind == JsonValueKind.Array
                ? [.. requires.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
