using System.Collections.Concurrent;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning.Internal;

namespace Pyfleet.Core.Scanning;

/// <summary>
/// <c>pyfleet scan</c>'s engine: finds every Python environment under the scan folders (and the host's standard
/// locations with <see cref="ScanOptions.IncludeSystem"/>), reads their packages from files only — it never runs
/// an interpreter or code from the scanned tree — and returns one <see cref="InventoryDocument"/>.
/// Problems (broken metadata, link loops) become <see cref="ScanWarning"/>s; inputs that could not be checked (an
/// unreadable folder, a corrupt or unknown manifest, lines pip refuses) become <see cref="InputError"/>s on the
/// document or the environment. Either way the scan goes on and reports everything it could read.
/// </summary>
public sealed class EnvironmentScanner(TimeProvider clock)
{
    public EnvironmentScanner()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Scans; environments are read in parallel (at most <see cref="ScanOptions.MaxParallelism"/> at once).</summary>
    public InventoryDocument Scan(ScanOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scannedAt = clock.GetUtcNow();
        var paths = new PathMap(options.RootPrefix);
        var warnings = new List<ScanWarning>();
        var discovery = new Discovery(options, paths, warnings);
        foreach (var path in options.Paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            discovery.Walk(ToLogical(paths, path), options.MaxDepth);
        }

        if (options.IncludeSystem)
        {
            SystemLocations.Add(discovery, options, paths);
        }

        var dpkgWarnings = new List<ScanWarning>();
        var dpkg = new Lazy<DpkgDatabase>(
            () => DpkgDatabase.Load(paths.ToPhysical("/var/lib/dpkg"), "/var/lib/dpkg", dpkgWarnings),
            LazyThreadSafetyMode.ExecutionAndPublication);
        var reader = new EnvironmentReader(paths, _ => dpkg.Value);
        var candidates = discovery.Found.ToArray();
        var results = new (PythonEnvironment Environment, List<ScanWarning> Warnings)[candidates.Length];
        Parallel.For(
            0,
            candidates.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            i => results[i] = reader.Read(candidates[i], options.Labels));

        var manifests = discovery.Manifests.ToArray();
        var declared = new DeclaredRead[manifests.Length];
        Parallel.For(
            0,
            manifests.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelism), CancellationToken = cancellationToken },
            i => declared[i] = DeclaredEnvironmentReader.Read(manifests[i], paths, options));

        var environments = results.Select(r => r.Environment)
            .Concat(declared.Select(d => d.Environment).OfType<PythonEnvironment>())
            .OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        var allWarnings = warnings.Concat(dpkgWarnings).Concat(results.SelectMany(r => r.Warnings)).Concat(declared.SelectMany(d => d.Warnings))
            .Distinct()
            .OrderBy(w => w.Path, StringComparer.Ordinal).ThenBy(w => w.Message, StringComparer.Ordinal)
            .ToList();
        return new InventoryDocument
        {
            Host = HostProbe.Describe(paths, options.HostName),
            ScannedAt = scannedAt,
            Environments = environments,
            Warnings = allWarnings,
            Errors = [.. discovery.Errors.Concat(declared.Select(d => d.Error).OfType<InputError>()).Distinct().OrderBy(e => e.Path, StringComparer.Ordinal)],
        };
    }

    // Scan paths are given as the scanned system sees them; relative ones are relative to the current folder.
    private static string ToLogical(PathMap paths, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return full.Length == 0 ? "/" : paths.HasRoot && !Path.IsPathRooted(path) ? paths.ToLogical(full) : full;
    }
}
