using System.IO.Enumeration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Walks the scan folders looking for environments: <c>pyvenv.cfg</c> (venv, virtualenv, uv, pipenv, poetry,
/// tox, nox), <c>conda-meta/</c>, interpreter prefixes (<c>bin/pythonX.Y</c> + <c>lib/pythonX.Y</c>: system,
/// pyenv) and bare <c>site-packages</c>/<c>dist-packages</c> folders. Never walks into an environment it found,
/// never follows a link out of the scan folders unless asked, and visits each real folder once (loop-safe).
/// </summary>
internal sealed class Discovery(ScanOptions options, PathMap paths, List<ScanWarning> warnings)
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private static readonly HashSet<string> PrefixPrivateFolders = new(StringComparer.Ordinal) { "bin", "sbin", "lib", "lib64", "include", "share", "libexec", "conda-meta", "pkgs" };

    private readonly ExcludeMatcher _excludes = new(options.Excludes);
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnvironmentCandidate> _found = new(StringComparer.Ordinal);
    private readonly List<string> _realRoots = [];
    private readonly List<string> _manifests = [];
    private readonly List<InputError> _errors = [];

    public IReadOnlyCollection<EnvironmentCandidate> Found => _found.Values;

    /// <summary>Declared-dependency files (requirements, locks, pyproject…) met outside environments, as logical paths.</summary>
    public IReadOnlyList<string> Manifests => _manifests;

    /// <summary>Folders that could not be listed: nothing below them was checked.</summary>
    public IReadOnlyList<InputError> Errors => _errors;

    /// <summary>Walks one scan folder given as a logical path.</summary>
    public void Walk(string logicalRoot, int maxDepth)
    {
        var physicalRoot = paths.ToPhysical(logicalRoot);
        if (!Directory.Exists(physicalRoot))
        {
            if (File.Exists(physicalRoot) && Path.GetFileName(logicalRoot) == "pyvenv.cfg")
            {
                Walk(Path.GetDirectoryName(logicalRoot) ?? "/", maxDepth); // a venv's marker file stands for the venv
            }
            else if (File.Exists(physicalRoot))
            {
                _manifests.Add(logicalRoot); // a file named explicitly is read whatever its name: its content picks the reader
            }
            else
            {
                _errors.Add(new InputError(logicalRoot, null, "no such file or folder"));
            }

            return;
        }

        var realRoot = RealPath.Resolve(physicalRoot) ?? physicalRoot;
        _realRoots.Add(realRoot);
        var stack = new Stack<(string Logical, string Real, int Depth)>();
        stack.Push((logicalRoot, realRoot, 0));
        while (stack.Count > 0)
        {
            var (logical, real, depth) = stack.Pop();
            if (!_visited.Add(real))
            {
                continue;
            }

            foreach (var child in Visit(logical, depth))
            {
                if (depth + 1 > maxDepth)
                {
                    warnings.Add(new ScanWarning(logical, $"depth limit {maxDepth} reached; sub-folders not scanned"));
                    break;
                }

                var childLogical = logical == "/" ? "/" + child.Name : logical + "/" + child.Name;
                if (_excludes.IsExcluded(child.Name, childLogical))
                {
                    continue;
                }

                var childReal = real == "/" ? "/" + child.Name : real + "/" + child.Name;
                if (child.IsLink)
                {
                    childReal = RealPath.Resolve(paths.ToPhysical(childLogical)) ?? "";
                    if (!AcceptLink(childLogical, childReal))
                    {
                        continue;
                    }
                }

                stack.Push((childLogical, childReal, depth + 1));
            }
        }
    }

    /// <summary>Checks one folder for the markers of an installed interpreter prefix (used by <c>--system</c>).</summary>
    public void AddPrefix(string logicalPrefix, string? pyenvName = null)
    {
        var physical = paths.ToPhysical(logicalPrefix);
        if (Directory.Exists(Path.Combine(physical, "bin")) && Directory.Exists(Path.Combine(physical, "lib")))
        {
            DetectPrefix(logicalPrefix, pyenvName);
        }
    }

    /// <summary>Adds a user-site environment (<c>~/.local/lib/pythonX.Y/site-packages</c>) seeing the system folders after it.</summary>
    public void AddUserSite(string logicalSite, string minor, IReadOnlyList<string> systemSiteDirectories)
    {
        if (!Directory.Exists(paths.ToPhysical(logicalSite)) || _found.ContainsKey(logicalSite))
        {
            return;
        }

        var candidate = new EnvironmentCandidate { Path = logicalSite, Kind = EnvironmentKinds.UserSite, Python = new PythonRuntime(minor) };
        candidate.SiteDirectories.Add((logicalSite, false));
        candidate.SiteDirectories.AddRange(systemSiteDirectories.Select(d => (d, true)));
        _found[logicalSite] = candidate;
    }

    private bool AcceptLink(string logical, string real)
    {
        if (real.Length == 0)
        {
            warnings.Add(new ScanWarning(logical, "symbolic link loop (too many levels of links); not followed"));
            return false;
        }

        if (_visited.Contains(real))
        {
            warnings.Add(new ScanWarning(logical, $"symbolic link to an already scanned folder ({paths.ToLogical(real)}); not followed again"));
            return false;
        }

        if (!options.FollowSymlinks && !_realRoots.Any(root => RealPath.IsWithin(real, root)))
        {
            warnings.Add(new ScanWarning(logical, $"symbolic link leads out of the scanned folders ({paths.ToLogical(real)}); not followed (use --follow-symlinks)"));
            return false;
        }

        return true;
    }

    private List<(string Name, bool IsLink)> Visit(string logical, int depth)
    {
        var physical = paths.ToPhysical(logical);
        List<(string Name, bool IsDirectory, bool IsLink)> entries;
        try
        {
            entries = [.. new FileSystemEnumerable<(string, bool, bool)>(
                physical,
                static (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                ListOptions)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => e.IsDirectory || e.FileName.SequenceEqual("pyvenv.cfg")
                    || (options.IncludeManifests && (IsPairable(e.FileName) || ManifestDiscovery.IsManifest(Path.Join(logical, e.FileName)))),
            }];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _errors.Add(new InputError(logical, null, $"cannot list folder: {ErrorMessages.Describe(ex)}; nothing below it was checked"));
            return [];
        }

        bool Has(string name, bool directory) => entries.Exists(e => e.Name == name && e.IsDirectory == directory);

        if (Has("pyvenv.cfg", false))
        {
            AddVenv(logical);
            return [];
        }

        if (Has("conda-meta", true))
        {
            AddConda(logical);
            return [.. entries.Where(e => e.IsDirectory && e.Name == "envs").Select(e => (e.Name, e.IsLink))];
        }

        // Manifests are read only outside environments: a venv's or prefix's own files are not declarations.
        foreach (var file in entries.Where(e => !e.IsDirectory && e.Name != "pyvenv.cfg" && IsManifestHere(logical, e.Name, entries)))
        {
            _manifests.Add(logical == "/" ? "/" + file.Name : logical + "/" + file.Name);
        }

        var isPrefix = Has("bin", true) && Has("lib", true) && DetectPrefix(logical, null);
        var name = Path.GetFileName(logical);
        if (!isPrefix && name is "site-packages" or "dist-packages")
        {
            AddBareSite(logical);
            return [];
        }

        var children = entries.Where(e => e.IsDirectory && !(isPrefix && PrefixPrivateFolders.Contains(e.Name))).Select(e => (e.Name, e.IsLink)).ToList();
        children.Sort(static (a, b) => string.CompareOrdinal(b.Name, a.Name)); // popped from a stack: reverse order walks a..z
        return children;
    }

    // pip-tools compiles foo.in to foo.txt beside it: both are requirements files whatever their names.
    private static bool IsPairable(ReadOnlySpan<char> name) =>
        name.EndsWith(".in", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    private static bool IsManifestHere(string logical, string name, List<(string Name, bool IsDirectory, bool IsLink)> entries)
    {
        if (ManifestDiscovery.IsManifest(Path.Join(logical, name)))
        {
            return true;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        var other = name.EndsWith(".in", StringComparison.OrdinalIgnoreCase) ? stem + ".txt" : stem + ".in";
        return stem.Length > 0 && entries.Exists(e => !e.IsDirectory && e.Name == other);
    }

    private void AddVenv(string logical)
    {
        var cfgPath = logical.TrimEnd('/') + "/pyvenv.cfg";
        PyvenvConfig config;
        try
        {
            config = PyvenvConfig.Parse(SmallFiles.ReadText(paths.ToPhysical(cfgPath)) ?? "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            warnings.Add(new ScanWarning(cfgPath, $"unreadable: {ex.Message}"));
            config = PyvenvConfig.Parse("");
        }

        var minors = PrefixLayout.MinorVersions(paths, logical);
        var version = config.Version;
        var minor = version is not null ? string.Join('.', version.Split('.').Take(2)) : minors.FirstOrDefault();
        var candidate = new EnvironmentCandidate
        {
            Path = logical,
            Kind = EnvironmentKinds.Venv,
            Python = (version ?? minor) is { } known ? new PythonRuntime(known, config.Implementation) : null,
        };
        if (minor is null)
        {
            warnings.Add(new ScanWarning(cfgPath, "no Python version in pyvenv.cfg and no lib/pythonX.Y folder"));
        }
        else
        {
            var own = $"{logical.TrimEnd('/')}/lib/python{minor}/site-packages";
            if (!Directory.Exists(paths.ToPhysical(own)) && minors.Count > 0)
            {
                own = $"{logical.TrimEnd('/')}/lib/python{minors[0]}/site-packages";
            }

            candidate.SiteDirectories.Add((own, false));
            if (config.IncludeSystemSitePackages)
            {
                AddBaseSites(candidate, config, cfgPath, minor);
            }
        }

        _found.TryAdd(logical, candidate);
    }

    // include-system-site-packages: the base interpreter's site folders follow the venv's own in sys.path.
    private void AddBaseSites(EnvironmentCandidate candidate, PyvenvConfig config, string cfgPath, string minor)
    {
        var home = config["home"];
        if (string.IsNullOrEmpty(home) || !Path.IsPathRooted(home))
        {
            warnings.Add(new ScanWarning(cfgPath, "include-system-site-packages is on but 'home' is missing; inherited packages not read"));
            return;
        }

        var basePrefix = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(home)) ?? "/";
        foreach (var site in PrefixLayout.SiteDirectories(paths, basePrefix, minor))
        {
            candidate.SiteDirectories.Add((site, true));
        }
    }

    private void AddConda(string logical)
    {
        var minor = PrefixLayout.MinorVersions(paths, logical).FirstOrDefault();
        var candidate = new EnvironmentCandidate { Path = logical, Kind = EnvironmentKinds.Conda, CondaMeta = logical.TrimEnd('/') + "/conda-meta" };
        if (minor is not null)
        {
            candidate.Python = new PythonRuntime(minor);
            candidate.SiteDirectories.AddRange(PrefixLayout.SiteDirectories(paths, logical, minor).Select(d => (d, false)));
        }

        _found.TryAdd(logical, candidate);
    }

    private bool DetectPrefix(string logical, string? pyenvName)
    {
        var parent = Path.GetFileName(Path.GetDirectoryName(logical) ?? "");
        var grandParent = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(logical) ?? "") ?? "");
        var isPyenv = pyenvName is not null || (parent == "versions" && grandParent.Contains("pyenv", StringComparison.Ordinal));
        var any = false;
        foreach (var minor in PrefixLayout.MinorVersions(paths, logical))
        {
            var interpreter = $"{(logical == "/" ? "" : logical)}/bin/python{minor}";
            if (!File.Exists(paths.ToPhysical(interpreter)))
            {
                continue;
            }

            var path = isPyenv ? logical : interpreter;
            if (_found.ContainsKey(path))
            {
                any = true;
                continue;
            }

            var candidate = new EnvironmentCandidate
            {
                Path = path,
                Kind = isPyenv ? EnvironmentKinds.Pyenv : EnvironmentKinds.System,
                Python = PrefixLayout.Runtime(paths, logical, minor, isPyenv ? pyenvName ?? Path.GetFileName(logical) : null),
            };
            candidate.SiteDirectories.AddRange(PrefixLayout.SiteDirectories(paths, logical, minor).Select(d => (d, false)));
            _found[path] = candidate;
            any = true;
            if (isPyenv)
            {
                break;
            }
        }

        return any;
    }

    private void AddBareSite(string logical)
    {
        var parent = Path.GetFileName(Path.GetDirectoryName(logical) ?? "");
        var minor = parent.StartsWith("python", StringComparison.Ordinal) && parent.Length > 6 && char.IsAsciiDigit(parent[6]) && parent.Contains('.') ? parent[6..].TrimEnd('t') : null;
        var candidate = new EnvironmentCandidate { Path = logical, Kind = EnvironmentKinds.System, Python = minor is null ? null : new PythonRuntime(minor) };
        candidate.SiteDirectories.Add((logical, false));
        _found.TryAdd(logical, candidate);
    }
}
