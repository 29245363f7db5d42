using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Fleet.Views;
using Pyfleet.Dashboard.Rendering;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Dashboard.Pages.Packages;

/// <summary>
/// <c>/packages/{name}</c>: every version of a package in the hosts' latest snapshots (newest first) with who runs
/// it, the findings (advisories, EOL) of each version, and the distinct environments that hold it.
/// </summary>
public sealed class PackageModel(IFleetViews views, FleetAnalysis analysis) : PageModel
{
    private const int EnvironmentRows = 200;
    private const int HostsPerVersion = 20;

    public string Name { get; private set; } = "";

    public IReadOnlyList<PackageVersionUse> Versions { get; private set; } = [];

    public IReadOnlyList<PackageEnvironmentUse> Environments { get; private set; } = [];

    public bool EnvironmentsCut { get; private set; }

    /// <summary>The first hosts running each version.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<WhoMatch>> Instances { get; private set; } = new Dictionary<string, IReadOnlyList<WhoMatch>>();

    /// <summary>Current findings per version.</summary>
    public ILookup<string, FleetFinding> Findings { get; private set; } = null!;

    public AnalysisCoverage Coverage { get; private set; } = null!;

    public async Task OnGetAsync(string name, CancellationToken cancellationToken)
    {
        Name = PackageName.Normalize(name);
        Versions = (await views.PackageVersionsAsync(Name, cancellationToken)).OrderBy(v => v.Version, VersionOrder.NewestFirst).ToList();
        if (Versions.Count == 0)
        {
            throw FleetException.NotFound($"no host runs a package named '{Name}' in its latest snapshot");
        }

        var instances = new Dictionary<string, IReadOnlyList<WhoMatch>>(StringComparer.Ordinal);
        foreach (var version in Versions)
        {
            instances[version.Version] = await views.InstancesAsync(Name, version.Version, HostsPerVersion, cancellationToken);
        }

        Instances = instances;
        var environments = await views.PackageEnvironmentsAsync(Name, null, EnvironmentRows + 1, cancellationToken);
        EnvironmentsCut = environments.Count > EnvironmentRows;
        Environments = environments.Take(EnvironmentRows).OrderBy(e => e.Version, VersionOrder.NewestFirst).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
        Coverage = await analysis.CoverageAsync(cancellationToken);
        // A version's findings are the same on every host that runs it (judged per name and version): ask for those
        // of the first host of each version, so a package on thousands of hosts costs one small query per version.
        var found = new List<FleetFinding>();
        foreach (var version in Versions)
        {
            if (Instances[version.Version] is [var first, ..])
            {
                var page = await analysis.Findings.FindingsAsync(new FindingsFilter(Package: Name, Host: first.Host, IncludeSuppressed: true, Limit: 500), cancellationToken);
                found.AddRange(page.Items.Where(f => f.Version == version.Version && f.Environment == first.Environment));
            }
        }

        Findings = found.ToLookup(f => f.Version, StringComparer.Ordinal);
    }
}
