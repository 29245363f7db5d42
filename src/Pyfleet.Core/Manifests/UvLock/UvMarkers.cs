using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Manifests.UvLock;

/// <summary>
/// When each uv.lock package is installed: uv puts the markers on the dependency edges
/// (<c>dependencies = [{ name = "colorama", marker = "sys_platform == 'win32'" }]</c>), so a package's marker is the
/// "or" over the paths that reach it from the roots (packages nothing depends on, the project itself) of each
/// parent's marker "and" the edge's. Null means always. Conservative on purpose: past a few alternatives, or on a
/// name it cannot resolve, a package counts as always installed (audited), never as skipped.
/// </summary>
internal static class UvMarkers
{
    private const int MaxAlternatives = 8;

    public static IReadOnlyDictionary<TomlTable, string?> Compute(IReadOnlyList<TomlTable> packages)
    {
        var byName = packages.Where(p => p.GetString("name") is not null).GroupBy(p => Normalize(p.GetString("name")!)).ToDictionary(g => g.Key, g => g.ToList());
        var edges = packages.ToDictionary(p => p, Edges);
        var depended = new HashSet<TomlTable>(edges.Values.SelectMany(e => e).SelectMany(e => Targets(e, byName)));
        var state = packages.ToDictionary(p => p, p => depended.Contains(p) ? new Alternatives() : Alternatives.Always());
        var queue = new Queue<TomlTable>(packages.Where(p => !depended.Contains(p)));
        var rounds = 0;
        while (queue.Count > 0 && rounds++ < packages.Count * 16)
        {
            var parent = queue.Dequeue();
            foreach (var edge in edges[parent])
            {
                foreach (var child in Targets(edge, byName))
                {
                    if (state[child].AddFrom(state[parent], edge.Marker))
                    {
                        queue.Enqueue(child);
                    }
                }
            }
        }

        // Unreached (a dependency cycle with no root): always, so it is still audited.
        return state.ToDictionary(s => s.Key, s => s.Value.IsEmpty ? null : s.Value.ToMarker());
    }

    private static List<(string Name, string? Marker)> Edges(TomlTable package)
    {
        var result = new List<(string, string?)>();
        var groups = new[] { package.GetArray("dependencies") }
            .Concat(package.GetTable("optional-dependencies").Entries().Select(e => e.Value as TomlArray))
            .Concat(package.GetTable("dev-dependencies").Entries().Select(e => e.Value as TomlArray));
        foreach (var array in groups.OfType<TomlArray>())
        {
            foreach (var dependency in array.Tables)
            {
                if (dependency.GetString("name") is { } name)
                {
                    result.Add((Normalize(name), dependency.GetString("marker")));
                }
            }
        }

        return result;
    }

    private static IEnumerable<TomlTable> Targets((string Name, string? Marker) edge, Dictionary<string, List<TomlTable>> byName) =>
        byName.TryGetValue(edge.Name, out var list) ? list : [];

    private static string Normalize(string name) => Pyfleet.Packaging.Names.PackageName.Normalize(name);

    /// <summary>An "or" of marker strings; <see cref="IsAlways"/> once any path is unconditional.</summary>
    private sealed class Alternatives
    {
        private readonly HashSet<string> _markers = new(StringComparer.Ordinal);

        public bool IsAlways { get; private set; }

        public bool IsEmpty => IsAlways || _markers.Count == 0;

        public static Alternatives Always() => new() { IsAlways = true };

        /// <summary>Adds the paths through <paramref name="parent"/> and an edge; true when this changed.</summary>
        public bool AddFrom(Alternatives parent, string? edge)
        {
            if (IsAlways)
            {
                return false;
            }

            if (parent.IsAlways && edge is null)
            {
                IsAlways = true;
                return true;
            }

            var changed = false;
            var through = parent.IsAlways ? [edge!] : parent._markers.Select(p => edge is null ? p : $"({p}) and ({edge})").ToList();
            foreach (var marker in through)
            {
                changed |= _markers.Add(marker);
            }

            if (_markers.Count > MaxAlternatives || _markers.Any(m => m.Length > 2048))
            {
                IsAlways = true; // too many paths to write down: audit it everywhere rather than guess
                return true;
            }

            return changed;
        }

        public string ToMarker() => _markers.Count == 1 ? _markers.First() : string.Join(" or ", _markers.Order(StringComparer.Ordinal).Select(m => $"({m})"));
    }
}
