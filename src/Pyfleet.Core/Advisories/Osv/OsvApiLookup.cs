using System.Collections.Concurrent;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// On-demand advisories from the OSV API instead of a synced database: the packages of the environments are asked
/// for in <c>/v1/querybatch</c> (the API matches versions server-side and answers ids), then each distinct id is
/// fetched whole from <c>/v1/vulns/{id}</c> so the usual matching, alias merging, severity and minimal-fix logic
/// runs on full records. A dpkg-owned module on a Debian host is also asked for under <c>Debian:N</c> by its
/// source package and version, as the audit judges it.
/// </summary>
public static class OsvApiLookup
{
    /// <summary>The (ecosystem, name, version) queries for <paramref name="environments"/> of <paramref name="host"/>, without repeats.</summary>
    public static IReadOnlyList<OsvQuery> QueriesFor(HostInfo host, IEnumerable<PythonEnvironment> environments)
    {
        var debian = DebianPackages.EcosystemOf(host);
        var seen = new HashSet<(string, string, string)>();
        var queries = new List<OsvQuery>();
        foreach (var package in environments.SelectMany(e => e.Packages))
        {
            if (string.IsNullOrWhiteSpace(package.Version) || package.Ecosystem is not null)
            {
                continue; // unpinned (nothing to ask) or a conda-only package (not PyPI)
            }

            Add("PyPI", package.Name, package.Version);
            if (debian is not null && package.OsPackage is { Manager: "dpkg" } os)
            {
                var (source, sourceVersion) = DebianPackages.SourceOf(os);
                Add(debian, source, sourceVersion);
            }
        }

        return queries;

        void Add(string ecosystem, string name, string version)
        {
            if (seen.Add((ecosystem, name, version)))
            {
                queries.Add(new OsvQuery(new OsvPackage { Ecosystem = ecosystem, Name = name }, version));
            }
        }
    }

    /// <summary>The full records of every advisory the API names for <paramref name="queries"/>, in id order.</summary>
    public static async Task<IReadOnlyList<OsvRecord>> FetchAsync(OsvApiClient client, IReadOnlyList<OsvQuery> queries, int parallelism, CancellationToken cancellationToken = default)
    {
        var ids = (await client.QueryBatchAsync(queries, cancellationToken)).SelectMany(i => i).Distinct(StringComparer.Ordinal).ToList();
        var records = new ConcurrentBag<OsvRecord>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (id, token) =>
        {
            if (await client.GetVulnerabilityAsync(id, token) is { } record)
            {
                records.Add(record);
            }
        });
        return [.. records.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }
}
