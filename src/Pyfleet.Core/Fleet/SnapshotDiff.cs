using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Fleet;

/// <summary>What changed on a host between two snapshots, one entry per environment and package.</summary>
public sealed record SnapshotDiff(string Host, long From, long To, IReadOnlyList<DiffEntry> Changes)
{
    public static SnapshotDiff Compute(string host, long fromId, InventoryDocument from, long toId, InventoryDocument to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = Index(from);
        var after = Index(to);
        var changes = new List<DiffEntry>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(path) ?? [];
            var now = after.GetValueOrDefault(path) ?? [];
            foreach (var name in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var was = old.GetValueOrDefault(name);
                var isNow = now.GetValueOrDefault(name);
                var change = (was, isNow) switch
                {
                    (null, _) => "added",
                    (_, null) => "removed",
                    _ when !string.Equals(was, isNow, StringComparison.Ordinal) => "changed",
                    _ => null,
                };
                if (change is not null)
                {
                    changes.Add(new DiffEntry(path, name, was == "" ? null : was, isNow == "" ? null : isNow, change));
                }
            }
        }

        return new SnapshotDiff(host, fromId, toId, changes);
    }

    // environment path -> package name -> version ("" when it has none); the first copy of a name wins (sys.path order).
    private static Dictionary<string, Dictionary<string, string>> Index(InventoryDocument document)
    {
        var index = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var environment in document.Environments)
        {
            var packages = index.TryGetValue(environment.Path, out var existing) ? existing : index[environment.Path] = new(StringComparer.Ordinal);
            foreach (var package in environment.Packages)
            {
                packages.TryAdd(package.Name, package.Version ?? "");
            }
        }

        return index;
    }
}

/// <summary>One package that was added, removed or changed version in one environment.</summary>
public sealed record DiffEntry(string Environment, string Package, string? Before, string? After, string Change);
