using System.Collections.Concurrent;
using System.Text;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;
using Pyfleet.Core.Releases.PyPiJson;
using Pyfleet.Core.Releases.Simple;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Releases;

/// <summary>
/// Asks every configured index about a project and merges the answers. Uses the simple API with content
/// negotiation (PEP 691 JSON preferred, PEP 503 HTML accepted — so devpi, Nexus, Artifactory, a plain static
/// tree all work), or PyPI's JSON API when <see cref="UseJsonApi"/> is set.
/// </summary>
public sealed class ReleaseClient(CachedHttpFetcher fetcher, IndexConfiguration indexes)
{
    /// <summary>The Accept header recommended by the simple API spec (JSON first, HTML as fallback).</summary>
    public const string SimpleAccept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    private readonly ConcurrentDictionary<string, Task<ProjectReleases>> _projects = new(StringComparer.Ordinal);

    /// <summary>Read <c>/pypi/{name}/json</c> (PyPI JSON API) instead of the simple API.</summary>
    public bool UseJsonApi { get; init; }

    /// <summary>The indexes asked, for display.</summary>
    public IndexConfiguration Indexes => indexes;

    /// <summary>One project's releases across all indexes (memoised per client: each name is fetched once per run).</summary>
    public Task<ProjectReleases> GetAsync(string name, CancellationToken cancellationToken) =>
        _projects.GetOrAdd(PackageName.Normalize(name), n => FetchAsync(n, cancellationToken));

    /// <summary>Fetches many projects with the fetcher's bounded parallelism.</summary>
    public async Task<IReadOnlyDictionary<string, ProjectReleases>> GetManyAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var distinct = names.Select(PackageName.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(distinct.Select(n => GetAsync(n, cancellationToken)));
        return results.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    private async Task<ProjectReleases> FetchAsync(string name, CancellationToken cancellationToken)
    {
        var pages = new List<ProjectReleases>();
        foreach (var index in indexes.All)
        {
            var page = UseJsonApi ? await FetchJsonApiAsync(index, name, cancellationToken) : await FetchSimpleAsync(index, name, cancellationToken);
            if (page is not null)
            {
                pages.Add(page);
            }
        }

        if (pages.Count == 0)
        {
            return ProjectReleases.NotFound(name);
        }

        // The most severe status wins (quarantined > deprecated > archived > active).
        var status = pages.Select(p => p.Status).OrderByDescending(s => Severity(s.Status)).First();
        return new ProjectReleases(name, pages.SelectMany(p => p.Files).ToList(), pages.SelectMany(p => p.DeclaredVersions).Distinct().ToList(), status);
    }

    private async Task<ProjectReleases?> FetchSimpleAsync(PackageIndex index, string name, CancellationToken cancellationToken)
    {
        var url = index.ProjectUrl(name);
        var result = await fetcher.GetAsync(url, SimpleAccept, index.Credential, cancellationToken);
        if (!result.IsSuccess)
        {
            return null;
        }

        var shown = new Uri(UrlRedactor.Redact(url));
        return result.ContentType switch
        {
            "application/vnd.pypi.simple.v1+json" or "application/json" => SimpleJsonParser.Parse(result.Body, name, url),
            "application/vnd.pypi.simple.v1+html" or "text/html" or "" => SimpleHtmlParser.Parse(Encoding.UTF8.GetString(result.Body), name, url),
            _ => throw new PyfleetException($"unexpected Content-Type '{result.ContentType}' for a simple API page", shown.ToString()),
        };
    }

    private async Task<ProjectReleases?> FetchJsonApiAsync(PackageIndex index, string name, CancellationToken cancellationToken)
    {
        var url = index.JsonApiUrl(name);
        var result = await fetcher.GetAsync(url, "application/json", index.Credential, cancellationToken);
        return result.IsSuccess ? PyPiJsonParser.Parse(result.Body, name, url) : null;
    }

    private static int Severity(string status) => status switch
    {
        "quarantined" => 3,
        "deprecated" => 2,
        "archived" => 1,
        _ => 0,
    };
}
