using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Policy.Installed;

/// <summary>
/// The distributions installed in a venv (or a bare site-packages folder), read from <c>*.dist-info/METADATA</c>
/// directly — nothing is imported or run. The interpreter version comes from <c>pyvenv.cfg</c> when present.
/// </summary>
public sealed class InstalledEnvironment
{
    private InstalledEnvironment(string path, string? pythonVersion, IReadOnlyDictionary<string, InstalledDistribution> distributions)
    {
        Path = path;
        PythonVersion = pythonVersion;
        Distributions = distributions;
    }

    public string Path { get; }

    /// <summary><c>major.minor</c> from <c>pyvenv.cfg</c>, or null.</summary>
    public string? PythonVersion { get; }

    /// <summary>By normalised name.</summary>
    public IReadOnlyDictionary<string, InstalledDistribution> Distributions { get; }

    /// <summary>Reads <paramref name="path"/>: a venv root or a site-packages folder.</summary>
    public static InstalledEnvironment Read(string path)
    {
        var root = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new PyfleetException("environment folder not found", root);
        }

        var distributions = new Dictionary<string, InstalledDistribution>(StringComparer.Ordinal);
        foreach (var sitePackages in SitePackages(root))
        {
            foreach (var distInfo in Directory.EnumerateDirectories(sitePackages, "*.dist-info").Order(StringComparer.Ordinal))
            {
                var metadata = System.IO.Path.Combine(distInfo, "METADATA");
                if (File.Exists(metadata) && CoreMetadataReader.Read(metadata) is { } distribution)
                {
                    distributions.TryAdd(distribution.Name, distribution);
                }
            }
        }

        return new InstalledEnvironment(root, ReadPythonVersion(root), distributions);
    }

    private static IEnumerable<string> SitePackages(string root)
    {
        if (Directory.EnumerateDirectories(root, "*.dist-info").Any())
        {
            yield return root;
            yield break;
        }

        foreach (var lib in (string[])["lib", "lib64"])
        {
            var folder = System.IO.Path.Combine(root, lib);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var python in Directory.EnumerateDirectories(folder, "python*"))
            {
                var site = System.IO.Path.Combine(python, "site-packages");
                if (Directory.Exists(site))
                {
                    yield return site;
                }
            }
        }

        var windows = System.IO.Path.Combine(root, "Lib", "site-packages");
        if (Directory.Exists(windows))
        {
            yield return windows;
        }
    }

    private static string? ReadPythonVersion(string root)
    {
        var cfg = System.IO.Path.Combine(root, "pyvenv.cfg");
        if (!File.Exists(cfg))
        {
            return null;
        }

        foreach (var line in File.ReadLines(cfg))
        {
            var equals = line.IndexOf('=');
            if (equals > 0 && line[..equals].Trim() is "version_info" or "version")
            {
                var parts = line[(equals + 1)..].Trim().Split('.');
                return parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : null;
            }
        }

        return null;
    }
}
