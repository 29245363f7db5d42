using Pyfleet.Core.Application.Inputs.Internal;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Sbom;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Core.Application.Inputs;

/// <summary>
/// Turns the inputs of <c>scan</c>, <c>audit</c>, <c>outdated</c> (and the server's uploads) into inventories, one
/// <see cref="InventorySource"/> per input, with one precedence for all of them:
/// <list type="number">
/// <item><c>snapshot:ID</c>: a scan kept in the store;</item>
/// <item>a folder: scanned like <c>pyfleet scan</c> (installed environments and requirements/lock files);</item>
/// <item>a file with a manifest's name (<c>requirements.txt</c>, <c>poetry.lock</c>, <c>versions.cfg</c>…): that reader;</item>
/// <item>any other file: an inventory document when it starts like one, a CycloneDX/SPDX SBOM when its content is
/// one, else the manifest its content looks like;</item>
/// <item><c>--system</c>: the host's standard locations, as one more input.</item>
/// </list>
/// With no inputs (and no <c>--system</c>) the current folder is the input. Labels apply to every environment of
/// every kind. Nothing throws for a bad input: a missing, unreadable or corrupt input is a source with
/// <see cref="InventorySource.Errors"/> (reported "not checked", exit 2) and the others are still read.
/// </summary>
public sealed class InventorySourceResolver(TimeProvider clock)
{
    /// <summary>The prefix of a stored scan's input (<c>snapshot:12</c>).</summary>
    public const string SnapshotPrefix = "snapshot:";

    /// <summary>Resolves every input, in order; inventory documents are opened (header checked) but read lazily.</summary>
    public IReadOnlyList<InventorySource> Resolve(IReadOnlyList<string> inputs, InventorySourceOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = inputs.Count == 0 && !options.IncludeSystem ? ["."] : inputs;
        var sources = new List<InventorySource>(given.Count + 1);
        foreach (var input in given)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sources.Add(ResolveOne(input, options, cancellationToken));
        }

        if (options.IncludeSystem)
        {
            sources.Add(Scan("system", InventorySourceKind.System, [], options, cancellationToken));
        }

        return sources;
    }

    private InventorySource ResolveOne(string input, InventorySourceOptions options, CancellationToken cancellationToken)
    {
        if (input.StartsWith(SnapshotPrefix, StringComparison.Ordinal))
        {
            return Guard(input, InventorySourceKind.Snapshot, () => Snapshot(input, options));
        }

        var path = Path.GetFullPath(input, options.CurrentDirectory);
        var physical = options.RootPrefix is null ? path : Path.Combine(options.RootPrefix, path.TrimStart('/'));
        if (Directory.Exists(physical))
        {
            var scanPath = options.RootPrefix is not null && Path.IsPathRooted(input) ? input : path;
            return Guard(path, InventorySourceKind.Folder, () => Scan(scanPath, InventorySourceKind.Folder, [scanPath], options, cancellationToken));
        }

        if (!File.Exists(physical))
        {
            return Unreadable(path, "no such file or folder");
        }

        if (!ManifestDiscovery.IsManifest(physical) && InventoryFileSniffer.LooksLikeInventory(physical))
        {
            return Guard(path, InventorySourceKind.InventoryDocument, () => InventoryDocuments.Open(path, physical, options));
        }

        if (SbomReader.IsSbom(physical))
        {
            return Guard(path, InventorySourceKind.Sbom, () => Sbom(path, physical, options));
        }

        return Guard(path, InventorySourceKind.Manifest, () => DeclaredSources.Read(path, physical, options, clock, cancellationToken));
    }

    private InventorySource Scan(string path, InventorySourceKind kind, IReadOnlyList<string> paths, InventorySourceOptions options, CancellationToken cancellationToken)
    {
        var home = options.GetEnvironment("HOME");
        var document = new EnvironmentScanner(clock).Scan(
            new ScanOptions
            {
                Paths = paths,
                IncludeSystem = kind == InventorySourceKind.System,
                RootPrefix = options.RootPrefix,
                Excludes = options.Excludes,
                MaxDepth = options.MaxDepth,
                FollowSymlinks = options.FollowSymlinks,
                HomeDirectories = string.IsNullOrEmpty(home) ? [] : [home],
                Labels = options.Labels,
                ManifestOptions = new ManifestReadOptions { GetEnvironment = options.GetEnvironment, WorkingDirectory = options.CurrentDirectory },
            },
            cancellationToken);
        var warnings = document.Environments.Count == 0 && document.Errors.Count == 0
            ? [.. document.Warnings, new ScanWarning(path, "no Python environment, requirements or lock file found")]
            : document.Warnings;
        return new InventorySource
        {
            Path = path,
            Kind = kind,
            Host = document.Host,
            ScannedAt = document.ScannedAt,
            Environments = document.Environments,
            Warnings = warnings,
            Errors = document.Errors,
        };
    }

    private InventorySource Sbom(string path, string physical, InventorySourceOptions options)
    {
        var warnings = new List<string>();
        var document = SbomReader.Read(physical, warnings, clock.GetUtcNow());
        return new InventorySource
        {
            Path = path,
            Kind = InventorySourceKind.Sbom,
            Host = document.Host,
            ScannedAt = document.ScannedAt,
            Environments = EnvironmentLabeling.Apply(document.Environments, options.Labels),
            Warnings = [.. document.Warnings, .. warnings.Select(warning => new ScanWarning(path, warning))],
            Errors = document.Errors,
        };
    }

    private static InventorySource Snapshot(string input, InventorySourceOptions options)
    {
        if (!long.TryParse(input.AsSpan(SnapshotPrefix.Length), out var id))
        {
            throw new PyfleetException($"'{input}': expected snapshot:ID (see 'pyfleet scan --list-snapshots')");
        }

        var document = (options.LoadSnapshot ?? throw new PyfleetException("no store here yet: run 'pyfleet scan' first"))(id);
        return new InventorySource
        {
            Path = input,
            Kind = InventorySourceKind.Snapshot,
            Host = document.Host,
            ScannedAt = document.ScannedAt,
            Environments = EnvironmentLabeling.Apply(document.Environments, options.Labels),
            Warnings = document.Warnings,
            Errors = document.Errors,
        };
    }

    /// <summary>Runs <paramref name="open"/>; what it cannot read becomes an unreadable source naming the problem.</summary>
    private InventorySource Guard(string path, InventorySourceKind kind, Func<InventorySource> open)
    {
        try
        {
            return open();
        }
        catch (PyfleetException ex)
        {
            return Unreadable(path, ex.Message, ex.Path, ex.Line);
        }
        catch (UnauthorizedAccessException)
        {
            return Unreadable(path, $"permission denied (reading this {Describe(kind)})");
        }
        catch (IOException ex)
        {
            return Unreadable(path, $"cannot read this {Describe(kind)}: {ex.Message}");
        }
    }

    private InventorySource Unreadable(string path, string message, string? errorPath = null, int? line = null) => new()
    {
        Path = path,
        Kind = InventorySourceKind.Unreadable,
        Host = new HostInfo { Name = Environment.MachineName },
        ScannedAt = clock.GetUtcNow(),
        Errors = [new InputError(errorPath ?? path, line, message)],
    };

    private static string Describe(InventorySourceKind kind) => kind switch
    {
        InventorySourceKind.Folder or InventorySourceKind.System => "folder",
        InventorySourceKind.InventoryDocument => "inventory document",
        InventorySourceKind.Snapshot => "snapshot",
        InventorySourceKind.Sbom => "SBOM",
        _ => "file",
    };
}
