using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Turns <c>audit</c> PATH arguments into inventory documents. Today a path must be an inventory document
/// (<c>pyfleet scan --format json</c>); directories and manifests go through the scanner once it is merged.
/// </summary>
internal static class AuditInputs
{
    public static IReadOnlyList<(string Path, InventoryDocument Document)> Read(IReadOnlyList<string> paths, string currentDirectory)
    {
        var result = new List<(string, InventoryDocument)>();
        foreach (var raw in paths.Count == 0 ? ["."] : paths)
        {
            var path = Path.GetFullPath(raw, currentDirectory);
            if (Directory.Exists(path))
            {
                throw new PyfleetException("auditing a directory needs the scanner; pass an inventory document written by 'pyfleet scan --format json'", path);
            }

            if (!File.Exists(path))
            {
                throw new PyfleetException("no such file", path);
            }

            var text = File.ReadAllText(path);
            if (!InventoryJson.LooksLikeInventory(text.AsSpan(0, Math.Min(text.Length, 4096))))
            {
                throw new PyfleetException("not an inventory document (expected 'pyfleet scan --format json' output)", path, 1);
            }

            result.Add((path, InventoryJson.Deserialize(text, path)));
        }

        return result;
    }
}
