using System.Collections.Concurrent;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Reads one environment: its site folders in <c>sys.path</c> order, each followed by the entries its <c>.pth</c>
/// files append (as <c>site.addsitedir</c> does), then <c>.egg-link</c> targets; marks inherited copies and the
/// copies hidden by an earlier one (<c>shadowedBy</c>). Folder reads are shared between environments (a system
/// <c>dist-packages</c> seen by many venvs is read once).
/// </summary>
internal sealed class EnvironmentReader(PathMap paths, Func<string, DpkgDatabase> dpkgFor)
{
    private readonly SiteDirectoryReader _reader = new(paths);
    private readonly ConcurrentDictionary<(string, bool), Lazy<DirectoryContents>> _cache = new();

    public (PythonEnvironment Environment, List<ScanWarning> Warnings) Read(EnvironmentCandidate candidate, IEnvironmentLabels labels)
    {
        var warnings = new List<ScanWarning>();
        var packages = new List<InventoryPackage>();
        var seenEntries = new HashSet<string>(StringComparer.Ordinal);
        var eggLinks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (site, inherited) in candidate.SiteDirectories)
        {
            if (!seenEntries.Add(site))
            {
                continue;
            }

            var contents = Get(site, isSite: true, warnings, inherited);
            Append(packages, contents, inherited);
            foreach (var entry in contents.PthEntries.Where(seenEntries.Add))
            {
                Append(packages, Get(entry, isSite: false, warnings, inherited), inherited);
            }

            foreach (var (name, project) in contents.EggLinks)
            {
                eggLinks.TryAdd(name, project);
                if (seenEntries.Add(project) && Directory.Exists(paths.ToPhysical(project)))
                {
                    Append(packages, Get(project, isSite: false, warnings, inherited), inherited);
                }
            }
        }

        var python = candidate.Python;
        if (candidate.CondaMeta is not null)
        {
            var conda = CondaMeta.Read(paths, candidate.Path, candidate.CondaMeta, warnings);
            for (var i = 0; i < packages.Count; i++)
            {
                if (packages[i].Location is { } location && conda.ChannelByMetadata.TryGetValue(location, out var channel))
                {
                    packages[i] = packages[i] with { Channel = channel };
                }
            }

            packages.AddRange(conda.NonPythonPackages);
            if (conda.PythonVersion is not null)
            {
                python = new PythonRuntime(conda.PythonVersion);
            }
        }

        MarkEditableEggLinks(packages, eggLinks);
        MarkShadowed(packages);
        AddOsPackages(packages);
        packages.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Location, b.Location));
        var environment = new PythonEnvironment
        {
            Path = candidate.Path,
            Kind = candidate.Kind,
            Python = python,
            Labels = labels.For(candidate.Path),
            Packages = packages,
        };
        return (environment, warnings);
    }

    private DirectoryContents Get(string logical, bool isSite, List<ScanWarning> warnings, bool inherited)
    {
        var lazy = _cache.GetOrAdd((logical, isSite), key => new Lazy<DirectoryContents>(() => Load(key.Item1, key.Item2)));
        var created = !lazy.IsValueCreated;
        var contents = lazy.Value;

        // Problems in a shared (inherited) folder are reported once, by whichever environment read it first.
        // No Contains check per warning here: that was quadratic (200,000 empty dist-infos, issue 17); the
        // scanner removes duplicates once at the end.
        if (created || !inherited)
        {
            warnings.AddRange(contents.Warnings);
        }

        return contents;
    }

    private DirectoryContents Load(string logical, bool isSite)
    {
        var physical = paths.ToPhysical(logical);
        if (!Directory.Exists(physical))
        {
            return logical.EndsWith(".egg", StringComparison.Ordinal) && File.Exists(physical) ? _reader.ReadEgg(logical) : DirectoryContents.Empty;
        }

        return logical.EndsWith(".egg", StringComparison.Ordinal) ? _reader.ReadEgg(logical) : _reader.Read(logical, isSite);
    }

    // The same metadata can be reached twice (an .egg in site-packages that easy-install.pth also lists): count it once.
    private static void Append(List<InventoryPackage> packages, DirectoryContents contents, bool inherited)
    {
        foreach (var package in contents.Packages)
        {
            if (package.Location?.EndsWith(".egg", StringComparison.Ordinal) == true && packages.Exists(p => p.Location == package.Location))
            {
                continue;
            }

            packages.Add(inherited ? package with { Inherited = true } : package);
        }
    }

    // pip treats an egg-info distribution as editable when a matching <name>.egg-link sits in a site folder;
    // its project location is the sys.path entry holding the egg-info (pip: dist.editable_project_location).
    private static void MarkEditableEggLinks(List<InventoryPackage> packages, Dictionary<string, string> eggLinks)
    {
        if (eggLinks.Count == 0)
        {
            return;
        }

        for (var i = 0; i < packages.Count; i++)
        {
            var package = packages[i];
            if (package.Editable || package.Location is null || !eggLinks.ContainsKey(package.Name) || package.Location.EndsWith(".dist-info", StringComparison.Ordinal))
            {
                continue;
            }

            var project = Path.GetDirectoryName(package.Location) ?? package.Location;
            packages[i] = package with { Editable = true, Url = new Uri(project).AbsoluteUri };
        }
    }

    // The first copy in sys.path order is the one imported; later copies of the same name are hidden by it.
    private static void MarkShadowed(List<InventoryPackage> packages)
    {
        var winners = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < packages.Count; i++)
        {
            var package = packages[i];
            if (package.Ecosystem is not null)
            {
                continue;
            }

            if (winners.TryGetValue(package.Name, out var winner))
            {
                packages[i] = package with { ShadowedBy = winner };
            }
            else
            {
                winners[package.Name] = package.Location ?? "";
            }
        }
    }

    private void AddOsPackages(List<InventoryPackage> packages)
    {
        for (var i = 0; i < packages.Count; i++)
        {
            var location = packages[i].Location;
            if (location is null || !location.StartsWith("/usr/", StringComparison.Ordinal))
            {
                continue;
            }

            if (dpkgFor(location).Owner(location) is { } owner)
            {
                packages[i] = packages[i] with { OsPackage = owner };
            }
        }
    }
}
