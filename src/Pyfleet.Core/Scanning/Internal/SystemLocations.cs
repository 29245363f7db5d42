using System.Text.RegularExpressions;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// The host's standard places for <c>--system</c>: interpreter prefixes (<c>/usr</c>, <c>/usr/local</c>, <c>/opt/*</c>),
/// pyenv installs (<c>~/.pyenv/versions/*</c>), conda installs (<c>~/miniconda3</c>, <c>/opt/conda</c>…) and each
/// home's user site (<c>~/.local/lib/pythonX.Y/site-packages</c>, which comes before the system folders in <c>sys.path</c>).
/// </summary>
internal static partial class SystemLocations
{
    private static readonly string[] CondaFolders = ["miniconda3", "anaconda3", "miniforge3", "mambaforge", ".conda"];

    public static void Add(Discovery discovery, ScanOptions options, PathMap paths)
    {
        discovery.AddPrefix("/usr");
        discovery.AddPrefix("/usr/local");
        foreach (var opt in Children(paths, "/opt"))
        {
            discovery.AddPrefix(opt);
        }

        var walkedConda = new List<string>();
        foreach (var conda in CondaFolders.Select(f => "/opt/" + f.TrimStart('.')).Append("/opt/conda"))
        {
            walkedConda.Add(conda);
        }

        foreach (var home in options.HomeDirectories)
        {
            var logicalHome = Path.TrimEndingDirectorySeparator(home);
            foreach (var version in Children(paths, logicalHome + "/.pyenv/versions"))
            {
                discovery.AddPrefix(version, Path.GetFileName(version));
            }

            walkedConda.AddRange(CondaFolders.Select(f => logicalHome + "/" + f));
        }

        foreach (var conda in walkedConda.Where(c => Directory.Exists(paths.ToPhysical(c + "/conda-meta"))))
        {
            discovery.Walk(conda, 2);
        }

        // User site: what each user's interpreter sees first, then the system folders of the same X.Y.
        var systemSites = discovery.Found
            .Where(c => c.Kind == Inventory.EnvironmentKinds.System && SystemInterpreter().IsMatch(c.Path))
            .GroupBy(c => SystemInterpreter().Match(c.Path).Groups[1].Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.First().SiteDirectories.Select(s => s.Directory)]);
        foreach (var home in options.HomeDirectories)
        {
            foreach (var lib in Children(paths, Path.TrimEndingDirectorySeparator(home) + "/.local/lib"))
            {
                var name = Path.GetFileName(lib);
                if (name.StartsWith("python", StringComparison.Ordinal) && name.Length > 6)
                {
                    var minor = name[6..];
                    discovery.AddUserSite(lib + "/site-packages", minor, systemSites.GetValueOrDefault(minor) ?? []);
                }
            }
        }
    }

    private static IEnumerable<string> Children(PathMap paths, string logical)
    {
        var physical = paths.ToPhysical(logical);
        if (!Directory.Exists(physical))
        {
            return [];
        }

        try
        {
            return [.. Directory.EnumerateDirectories(physical).Select(d => logical.TrimEnd('/') + "/" + Path.GetFileName(d)).Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"^/usr/bin/python(\d+\.\d+)$")]
    private static partial Regex SystemInterpreter();
}
