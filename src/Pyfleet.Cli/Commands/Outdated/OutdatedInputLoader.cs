using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Releases.Fixing;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary>
/// Turns <c>outdated</c>'s PATH arguments into one inventory: an inventory document (<c>scan --format json</c>),
/// a requirements file or a buildout <c>versions.cfg</c> (pins only).
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
                throw new PyfleetException("directories are not supported yet: pass an inventory document (pyfleet scan --format json) or a requirements file", path);
            }

            if (!File.Exists(path))
            {
                throw new PyfleetException("no such file", path);
            }

            var text = File.ReadAllText(path);
            if (InventoryJson.LooksLikeInventory(text.AsSpan(0, Math.Min(text.Length, 4096))))
            {
                var document = InventoryJson.Deserialize(text, path);
                host ??= document.Host;
                environments.AddRange(python is null ? document.Environments
                    : document.Environments.Select(e => e.Python is null ? e with { Python = new PythonRuntime(python) } : e));
                continue;
            }

            var pinned = BuildoutPinReader.CanRead(path) ? BuildoutPinReader.Read(path, text) : RequirementsPinReader.Read(path, text);
            environments.Add(new PythonEnvironment
            {
                Path = path,
                Kind = pinned.IsBuildout ? EnvironmentKinds.Buildout : EnvironmentKinds.Requirements,
                Python = python is null ? null : new PythonRuntime(python),
                Packages = pinned.Pins.Select(p => new InventoryPackage { Name = p.Name, Version = p.Version, Origin = $"{path}:{p.Line + 1}" }).ToList(),
            });
        }

        return new InventoryDocument { Host = host ?? new HostInfo { Name = Environment.MachineName }, ScannedAt = context.Clock.GetUtcNow(), Environments = environments };
    }
}
