using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Manifests.Pyproject;

/// <summary>
/// PEP 735 <c>[dependency-groups]</c> (https://packaging.python.org/en/latest/specifications/dependency-groups/):
/// names compared normalised (duplicates are errors), <c>{include-group = "x"}</c> expanded in place, cycles errors.
/// Each requirement is reported once, at the line it is written.
/// </summary>
internal static class DependencyGroups
{
    public static void Read(TomlTable groups, ManifestCollector collector)
    {
        var byName = new Dictionary<string, TomlNode>(StringComparer.Ordinal);
        foreach (var (name, value) in groups)
        {
            if (!byName.TryAdd(PackageName.Normalize(name), value))
            {
                collector.Error(value.Line, $"dependency group '{name}' is defined twice (names are compared normalised)");
            }
        }

        foreach (var (name, value) in byName)
        {
            if (value is not TomlArray array)
            {
                collector.Error(value.Line, $"dependency group '{name}' must be an array");
                continue;
            }

            foreach (var item in array)
            {
                switch (item)
                {
                    case TomlValue { Value: string text }:
                        if (collector.FromPep508(text, item.Line) is { } package)
                        {
                            collector.Packages.Add(package);
                        }

                        break;
                    case TomlTable include when include.GetString("include-group") is { } target:
                        CheckInclude(name, target, include.Line, byName, collector);
                        break;
                    default:
                        collector.Error(item.Line, $"dependency group '{name}': entries must be strings or {{include-group = \"…\"}}");
                        break;
                }
            }
        }
    }

    // Includes add no new lines of their own (their requirements are listed where written); only their
    // validity is checked: the target exists and following includes never comes back to the start.
    private static void CheckInclude(string group, string target, int line, Dictionary<string, TomlNode> byName, ManifestCollector collector)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { group };
        var pending = new Stack<string>([PackageName.Normalize(target)]);
        while (pending.TryPop(out var current))
        {
            if (current == group)
            {
                collector.Error(line, $"dependency group '{group}' includes itself through '{target}' (cycle)");
                return;
            }

            if (!byName.TryGetValue(current, out var node))
            {
                collector.Error(line, $"dependency group '{group}' includes unknown group '{current}'");
                return;
            }

            if (!seen.Add(current) || node is not TomlArray array)
            {
                continue;
            }

            foreach (var table in array.Tables)
            {
                if (table.GetString("include-group") is { } next)
                {
                    pending.Push(PackageName.Normalize(next));
                }
            }
        }
    }
}
