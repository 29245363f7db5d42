using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Manifests.UvLock;

/// <summary>
/// <c>uv.lock</c> (FORMATS.md §5.3; uv <c>crates/uv-resolver/src/lock/mod.rs</c>): schema <c>version = 1</c>,
/// <c>[[package]]</c> (legacy <c>[[distribution]]</c>) with a source table and sdist/wheel hashes. The project
/// itself (<c>source = { virtual = … }</c>) is not a dependency and is left out.
/// </summary>
public sealed class UvLockReader : IManifestReader
{
    public string Name => "python/uvlock";

    public string Kind => EnvironmentKinds.UvLock;

    /// <summary><c>uv.lock</c>, and the PEP 723 script locks <c>uv lock --script example.py</c> writes beside the script (<c>example.py.lock</c>).</summary>
    public bool CanRead(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("uv.lock", StringComparison.OrdinalIgnoreCase)
            || (name.EndsWith(".py.lock", StringComparison.OrdinalIgnoreCase) && name.Length > ".py.lock".Length);
    }

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var root = TomlParser.ParseFile(full);
        var collector = new ManifestCollector(full, Kind);
        switch (root.GetInteger("version"))
        {
            case null:
                collector.Error(1, "no top-level version: not a uv.lock");
                break;
            case > 1 and var version:
                collector.Error(root["version"].Line, $"uv.lock schema version {version} is newer than uv's current 1");
                break;
        }

        var packages = root.TablesAt("package").Concat(root.TablesAt("distribution")).ToList();
        var markers = UvMarkers.Compute(packages);
        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(package, markers, collector);
        }

        return collector.Result();
    }

    private static void Add(TomlTable package, IReadOnlyDictionary<TomlTable, string?> markers, ManifestCollector collector)
    {
        var name = package.GetString("name");
        if (name is null)
        {
            collector.Error(package.Line, "[[package]] without name");
            return;
        }

        // The project itself (source virtual = "." or editable = ".") is listed too, as an editable local path like
        // pip list shows it: its own name is no PyPI release, its dependencies are the other entries.
        var source = package.GetTable("source");
        var (url, editable) = source switch
        {
            null => (null, false),
            _ when source.GetString("virtual") is { } v => (v, true),
            _ when source.GetString("git") is { } git => ($"git+{git}", false),
            _ when source.GetString("url") is { } u => (u, false),
            _ when source.GetString("editable") is { } p => (p, true),
            _ when source.GetString("path") is { } p => (p, false),
            _ when source.GetString("directory") is { } p => (p, false),
            _ => ((string?)null, false),
        };

        var hashes = new List<string>();
        if (package.GetTable("sdist")?.GetString("hash") is { } sdist)
        {
            hashes.Add(sdist);
        }

        foreach (var wheel in package.TablesAt("wheels"))
        {
            if (wheel.GetString("hash") is { } hash)
            {
                hashes.Add(hash);
            }
        }

        collector.Packages.Add(collector.Locked(name, package.GetString("version"), package.Line, hashes, markers.GetValueOrDefault(package), url, editable));
    }
}
