using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Turns <c>audit</c> PATH arguments into inventory documents: an inventory document (<c>pyfleet scan --format
/// json</c>), a manifest (requirements, lock file, pyproject…) read by <see cref="ManifestReaders"/>, or a folder,
/// whose manifests (top level only) are read as declared environments. Installed environments inside a folder
/// need the scanner, which is not wired here yet.
/// </summary>
internal static class AuditInputs
{
    public static IReadOnlyList<(string Path, InventoryDocument Document)> Read(IReadOnlyList<string> paths, CliContext context, List<string> warnings)
    {
        var result = new List<(string, InventoryDocument)>();
        foreach (var raw in paths.Count == 0 ? ["."] : paths)
        {
            var path = Path.GetFullPath(raw, context.CurrentDirectory);
            if (Directory.Exists(path))
            {
                var manifests = Directory.EnumerateFiles(path).Where(ManifestDiscovery.IsManifest).Order(StringComparer.Ordinal).ToList();
                if (manifests.Count == 0)
                {
                    throw new PyfleetException("no requirements or lock file here; installed environments need 'pyfleet scan --format json' and its output as PATH", path);
                }

                result.Add((path, Declared(manifests, context, warnings)));
                continue;
            }

            if (!File.Exists(path))
            {
                throw new PyfleetException("no such file", path);
            }

            using (var reader = new StreamReader(path))
            {
                var head = new char[4096];
                var read = reader.ReadBlock(head, 0, head.Length);
                if (InventoryJson.LooksLikeInventory(head.AsSpan(0, read)))
                {
                    result.Add((path, InventoryJson.Deserialize(File.ReadAllBytes(path), path)));
                    continue;
                }
            }

            result.Add((path, Declared([path], context, warnings)));
        }

        return result;
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
