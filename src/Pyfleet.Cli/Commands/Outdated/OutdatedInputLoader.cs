using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Sbom;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary>
/// Turns <c>outdated</c>'s PATH arguments into one inventory: a folder (scanned like <c>pyfleet scan</c>), an
/// inventory document (<c>scan --format json</c>) or any manifest the Manifests readers know — requirements files (with their <c>-r</c>/<c>-c</c> includes),
/// poetry.lock, uv.lock, Pipfile.lock, pylock.toml, pdm.lock, pyproject.toml, setup.cfg, buildout versions.cfg.
/// Declared requirements without an exact pin are kept with no version, so they are reported as
/// <c>unknown</c> rather than silently dropped.
/// </summary>
internal static class OutdatedInputLoader
{
    public static InventoryDocument Load(IReadOnlyList<string> paths, string? python, CliContext context)
    {
        var environments = new List<PythonEnvironment>();
        HostInfo? host = null;
        foreach (var raw in paths)
        {
            var path = Path.GetFullPath(raw, context.CurrentDirectory);
            if (Directory.Exists(path))
            {
                // A folder is scanned exactly as 'pyfleet scan' does: installed environments and manifests.
                var scanned = new EnvironmentScanner(context.Clock).Scan(new ScanOptions
                {
                    Paths = [path],
                    ManifestOptions = new ManifestReadOptions { GetEnvironment = context.GetEnvironment },
                });
                foreach (var warning in scanned.Warnings)
                {
                    context.Stderr.WriteLine($"warning: {warning.Path}: {warning.Message}");
                }

                host ??= scanned.Host;
                environments.AddRange(python is null ? scanned.Environments
                    : scanned.Environments.Select(e => e.Python is null ? e with { Python = new PythonRuntime(python) } : e));
                continue;
            }

            if (!File.Exists(path))
            {
                throw new PyfleetException("no such file", path);
            }

            if (!ManifestDiscovery.IsManifest(path) && InventoryFiles.LooksLikeInventory(path))
            {
                var document = InventoryJson.Deserialize(File.ReadAllBytes(path), path);
                host ??= document.Host;
                environments.AddRange(python is null ? document.Environments
                    : document.Environments.Select(e => e.Python is null ? e with { Python = new PythonRuntime(python) } : e));
                continue;
            }

            if (SbomReader.IsSbom(path))
            {
                var warnings = new List<string>();
                var sbom = SbomReader.Read(path, warnings, context.Clock.GetUtcNow());
                warnings.ForEach(w => context.Stderr.WriteLine($"warning: {w}"));
                host ??= sbom.Host;
                environments.AddRange(python is null ? sbom.Environments : sbom.Environments.Select(e => e with { Python = new PythonRuntime(python) }));
                continue;
            }

            environments.Add(ReadManifest(path, python, context));
        }

        return new InventoryDocument { Host = host ?? new HostInfo { Name = Environment.MachineName }, ScannedAt = context.Clock.GetUtcNow(), Environments = environments };
    }

    private static PythonEnvironment ReadManifest(string path, string? python, CliContext context)
    {
        var result = ManifestReaders.Read(path, new ManifestReadOptions { GetEnvironment = context.GetEnvironment });
        foreach (var diagnostic in result.Diagnostics)
        {
            // Reading goes on past a bad line, like the scanner: what was read is still worth reporting.
            context.Stderr.WriteLine($"warning: {diagnostic.Path}{(diagnostic.Line is { } line ? $":{line}" : "")}: {diagnostic.Message}");
        }

        var environment = result.Environment;
        if (environment.Packages.Count == 0 && result.HasErrors)
        {
            // Nothing usable came out of the file (e.g. a TOML syntax error): an input error, not an empty report.
            var first = result.Diagnostics.First(d => d.Severity == ManifestSeverity.Error);
            throw new PyfleetException(first.Message, first.Path, first.Line);
        }

        return python is null || environment.Python is not null ? environment : environment with { Python = new PythonRuntime(python) };
    }
}
