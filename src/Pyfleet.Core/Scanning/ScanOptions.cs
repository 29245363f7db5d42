namespace Pyfleet.Core.Scanning;

/// <summary>What <see cref="EnvironmentScanner"/> walks and how.</summary>
public sealed record ScanOptions
{
    /// <summary>Folders to walk (absolute or relative to the current directory), as the host sees them (before <see cref="RootPrefix"/>).</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Also report the host's standard locations: system interpreters, user site, pyenv installs.</summary>
    public bool IncludeSystem { get; init; }

    /// <summary>
    /// A mounted image or test tree to read instead of <c>/</c>: every absolute path (scan paths, <c>home</c> in
    /// <c>pyvenv.cfg</c>, <c>.pth</c> lines, dpkg data) is looked up under it, and reported without it.
    /// </summary>
    public string? RootPrefix { get; init; }

    /// <summary>Glob patterns (<c>*</c>, <c>**</c>, <c>?</c>) of paths or folder names not to walk.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>How many folders deep below each scan path the walk goes looking for environments.</summary>
    public int MaxDepth { get; init; } = 16;

    /// <summary>Also read requirements and lock files met outside environments, each as a declared environment.</summary>
    public bool IncludeManifests { get; init; } = true;

    /// <summary>How manifests are read (environment variables for <c>${VAR}</c> expansion).</summary>
    public Manifests.ManifestReadOptions ManifestOptions { get; init; } = Manifests.ManifestReadOptions.Default;

    /// <summary>Follow symbolic links that lead out of the scan paths (links inside them are always followed once).</summary>
    public bool FollowSymlinks { get; init; }

    /// <summary>Environments read at the same time (bounded; the walk itself is I/O bound).</summary>
    public int MaxParallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>The home folders whose user site (<c>~/.local/lib/pythonX.Y/site-packages</c>) and pyenv installs <see cref="IncludeSystem"/> looks at.</summary>
    public IReadOnlyList<string> HomeDirectories { get; init; } = [];

    /// <summary>Labels (application or site names) for environments; none by default.</summary>
    public IEnvironmentLabels Labels { get; init; } = EnvironmentLabels.None;

    /// <summary>The host name to record; default: the machine name (or <c>etc/hostname</c> under <see cref="RootPrefix"/>).</summary>
    public string? HostName { get; init; }

    /// <summary>Folder names never walked into (version control, caches, JavaScript dependencies).</summary>
    public static IReadOnlySet<string> DefaultSkippedNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".idea", ".vscode",
    };
}
