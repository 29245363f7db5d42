using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Manifests.Pyproject;

/// <summary>
/// <c>pyproject.toml</c> declared dependencies (FORMATS.md §5.8): <c>[project] dependencies</c> and
/// <c>optional-dependencies</c>, PEP 735 <c>[dependency-groups]</c> (includes expanded, cycles reported), and
/// Poetry's <c>[tool.poetry.dependencies]</c> / <c>[tool.poetry.group.*.dependencies]</c> (constraints converted
/// to PEP 440; <c>python</c> is the interpreter, not a package).
/// </summary>
public sealed class PyprojectReader : IManifestReader
{
    public string Name => "python/pyproject";

    public string Kind => EnvironmentKinds.Pyproject;

    public bool CanRead(string path) => Path.GetFileName(path).Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when the file describes a distributable library (a <c>[project]</c> or Poetry package with a build
    /// system), whose dependencies should be ranges; false for an application / deployment project
    /// (no build system, or Poetry <c>package-mode = false</c>), whose dependencies should be pinned.
    /// </summary>
    public static bool IsLibrary(TomlTable root)
    {
        var poetry = root.GetTablePath("tool", "poetry");
        if (poetry?.GetBoolean("package-mode") == false)
        {
            return false;
        }

        var named = root.GetTable("project")?.GetString("name") is not null || poetry?.GetString("name") is not null;
        return named && root.ContainsKey("build-system");
    }

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var root = TomlParser.ParseFile(full);
        var collector = new ManifestCollector(full, Kind);
        if (root.GetTable("project") is { } project)
        {
            ReadProject(project, collector);
        }

        if (root.GetTable("dependency-groups") is { } groups)
        {
            DependencyGroups.Read(groups, collector);
        }

        if (root.GetTablePath("tool", "poetry") is { } poetry)
        {
            ReadPoetryTable(poetry.GetTable("dependencies"), collector);
            ReadPoetryTable(poetry.GetTable("dev-dependencies"), collector);
            foreach (var (_, group) in poetry.GetTable("group").Entries())
            {
                ReadPoetryTable((group as TomlTable)?.GetTable("dependencies"), collector);
            }
        }

        return collector.Result();
    }

    private static void ReadProject(TomlTable project, ManifestCollector collector)
    {
        var dynamic = project.StringsAt("dynamic").Select(d => d.Text).ToHashSet(StringComparer.Ordinal);
        if (dynamic.Contains("dependencies"))
        {
            collector.Warn(project.Line, "[project] dependencies are dynamic (computed by the build backend); they are not listed here");
        }

        foreach (var (text, line) in project.StringsAt("dependencies"))
        {
            Add(collector.FromPep508(text, line), collector);
        }

        foreach (var (extra, list) in project.GetTable("optional-dependencies").Entries())
        {
            if (list is not TomlArray array)
            {
                collector.Error(list.Line, $"optional-dependencies.{extra} must be an array of strings");
                continue;
            }

            foreach (var item in array.OfType<TomlValue>())
            {
                if (item.Value is string text)
                {
                    Add(collector.FromPep508(text, item.Line), collector);
                }
            }
        }
    }

    private static void ReadPoetryTable(TomlTable? dependencies, ManifestCollector collector)
    {
        foreach (var (name, value) in dependencies.Entries())
        {
            if (name.Equals("python", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // A value is a constraint string, a table {version, markers, extras, git, path, url, …}, or an array of tables.
            var tables = value switch
            {
                TomlArray array => array.Tables.ToList(),
                TomlTable table => [table],
                _ => [],
            };
            if (value is TomlValue { Value: string constraint })
            {
                AddPoetry(name, constraint, null, [], null, value.Line, collector);
            }

            foreach (var table in tables)
            {
                var url = table.GetString("git") is { } git ? $"git+{git}" : table.GetString("url") ?? table.GetString("path");
                AddPoetry(name, table.GetString("version") ?? "*", table.GetString("markers"), [.. table.StringsAt("extras").Select(e => e.Text)], url, table.Line, collector);
            }
        }
    }

    private static void AddPoetry(string name, string constraint, string? marker, IReadOnlyList<string> extras, string? url, int line, ManifestCollector collector)
    {
        var specifier = PoetryConstraint.ToPep440(constraint);
        if (specifier is null)
        {
            collector.Warn(line, $"{name}: Poetry constraint '{constraint}' has no single PEP 440 form; kept unpinned");
        }

        var pinned = specifier is { } s && s.StartsWith("==", StringComparison.Ordinal) && !s.Contains(',') && !s.EndsWith(".*", StringComparison.Ordinal) ? s[2..] : null;
        collector.Packages.Add(new InventoryPackage
        {
            Name = PackageName.Normalize(name),
            DisplayName = name,
            Version = pinned,
            Specifier = string.IsNullOrEmpty(specifier) ? null : specifier,
            Extras = extras,
            Marker = marker,
            Url = url,
            Origin = collector.Origin(line),
        });
    }

    private static void Add(InventoryPackage? package, ManifestCollector collector)
    {
        if (package is not null)
        {
            collector.Packages.Add(package);
        }
    }
}
