using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.IO;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Sbom;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Turns <c>audit</c> PATH arguments into inventory documents: a folder (scanned like <c>pyfleet scan</c>: installed
/// environments and requirements/lock files), an inventory document (<c>pyfleet scan --format json</c>), a single
/// manifest (requirements, lock file, pyproject…) read by <see cref="ManifestReaders"/>, or <c>snapshot:ID</c>, a
/// scan stored in the local store.
/// </summary>
internal static class AuditInputs
{
    private const string SnapshotPrefix = "snapshot:";

    /// <summary>
    /// Opens every input before anything is audited (a bad path or a corrupt document fails before any output);
    /// inventory documents are then read one environment at a time as the audit asks for them, with equal strings
    /// shared when <paramref name="shareStrings"/>.
    /// </summary>
    public static IReadOnlyList<AuditInput> Read(IReadOnlyList<string> paths, CliContext context, List<string> warnings, string? explicitHome = null, bool shareStrings = false, string? explicitDatabase = null)
    {
        var result = new List<AuditInput>();
        foreach (var raw in paths.Count == 0 ? ["."] : paths)
        {
            if (raw.StartsWith(SnapshotPrefix, StringComparison.Ordinal))
            {
                result.Add(AuditInput.Of(raw, LoadSnapshot(raw, context, explicitHome, explicitDatabase)));
                continue;
            }

            var path = Path.GetFullPath(raw, context.CurrentDirectory);
            if (Directory.Exists(path))
            {
                var scanned = new EnvironmentScanner(context.Clock).Scan(new ScanOptions
                {
                    Paths = [path],
                    ManifestOptions = new ManifestReadOptions { GetEnvironment = context.GetEnvironment },
                });
                warnings.AddRange(scanned.Warnings.Select(w => $"{w.Path}: {w.Message}"));
                if (scanned.Environments.Count == 0)
                {
                    warnings.Add($"{path}: no Python environment, requirements or lock file found");
                }

                result.Add(AuditInput.Of(path, scanned));
                continue;
            }

            if (!File.Exists(path))
            {
                throw new PyfleetException("no such file", path);
            }

            if (InventoryFiles.LooksLikeInventory(path))
            {
                var mapped = MappedFile.Open(path);
                try
                {
                    var document = InventoryReader.Open(mapped.Memory, path);
                    result.Add(new AuditInput(path, document.Host, document.ReadEnvironments(shareStrings)) { Resource = mapped });
                }
                catch
                {
                    ((IDisposable)mapped).Dispose();
                    throw;
                }

                continue;
            }

            if (SbomReader.IsSbom(path))
            {
                result.Add(AuditInput.Of(path, SbomReader.Read(path, warnings, context.Clock.GetUtcNow())));
                continue;
            }

            result.Add(AuditInput.Of(path, Declared([path], context, warnings)));
        }

        return result;
    }

    private static InventoryDocument LoadSnapshot(string raw, CliContext context, string? explicitHome, string? explicitDatabase)
    {
        if (!long.TryParse(raw.AsSpan(SnapshotPrefix.Length), out var id))
        {
            throw new PyfleetException($"'{raw}': expected snapshot:ID (see 'pyfleet scan --list-snapshots')");
        }

        var home = context.ResolveHome(explicitHome);
        var location = CliStore.Locate(context, home, explicitDatabase);
        if (location.IsMissingFile)
        {
            throw new PyfleetException("no store here yet: run 'pyfleet scan' first", location.ToString());
        }

        using var store = CliStore.Open(context, location);
        return store.Snapshots.LoadAsync(id).GetAwaiter().GetResult();
    }

    private static InventoryDocument Declared(IReadOnlyList<string> manifests, CliContext context, List<string> warnings)
    {
        var environments = new List<PythonEnvironment>();
        foreach (var manifest in manifests)
        {
            var read = ManifestReaders.Read(manifest, new ManifestReadOptions { GetEnvironment = context.GetEnvironment, WorkingDirectory = context.CurrentDirectory });
            warnings.AddRange(read.Diagnostics.Select(d => d.ToString()));
            environments.Add(read.Environment);
        }

        return new InventoryDocument { Host = new HostInfo { Name = Environment.MachineName }, ScannedAt = context.Clock.GetUtcNow(), Environments = environments };
    }
}
