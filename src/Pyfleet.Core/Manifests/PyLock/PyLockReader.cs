using System.Text.RegularExpressions;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Manifests.PyLock;

/// <summary>
/// PEP 751 <c>pylock.toml</c> / <c>pylock.&lt;name&gt;.toml</c> (FORMATS.md §5.4,
/// https://packaging.python.org/en/latest/specifications/pylock-toml/). Each <c>[[packages]]</c> entry must name
/// exactly one source kind (vcs, directory, archive, or sdist and/or wheels); hashes are <c>{algo = hex}</c> tables.
/// </summary>
public sealed partial class PyLockReader : IManifestReader
{
    public string Name => "python/pylock";

    public string Kind => EnvironmentKinds.PyLock;

    public bool CanRead(string path) => FileNameRegex().IsMatch(Path.GetFileName(path));

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var root = TomlParser.ParseFile(full);
        var collector = new ManifestCollector(full, Kind);
        var lockVersion = root.GetString("lock-version");
        switch (TomlHelpers.MajorMinor(lockVersion))
        {
            case null:
                collector.Error(1, "missing lock-version (required by PEP 751)");
                break;
            case (not 1, _):
                collector.Error(root["lock-version"].Line, $"lock-version {lockVersion} has an unknown major version; PEP 751 tools must refuse it");
                break;
            case (1, > 0):
                collector.Warn(root["lock-version"].Line, $"lock-version {lockVersion} is newer than 1.0; unknown keys are ignored");
                break;
        }

        if (root.GetString("created-by") is null)
        {
            collector.Warn(1, "missing created-by (required by PEP 751)");
        }

        foreach (var package in root.TablesAt("packages"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(package, collector);
        }

        return collector.Result();
    }

    private static void Add(TomlTable package, ManifestCollector collector)
    {
        var name = package.GetString("name");
        if (name is null)
        {
            collector.Error(package.Line, "[[packages]] without name");
            return;
        }

        var vcs = package.GetTable("vcs");
        var directory = package.GetTable("directory");
        var archive = package.GetTable("archive");
        var hasDistributions = package.ContainsKey("sdist") || package.ContainsKey("wheels");
        var kinds = new[] { vcs is not null, directory is not null, archive is not null, hasDistributions }.Count(k => k);
        if (kinds != 1)
        {
            collector.Error(package.Line, $"package {name} must have exactly one of vcs, directory, archive, or sdist/wheels (has {kinds})");
        }

        string? url = null;
        if (vcs is not null)
        {
            url = $"{vcs.GetString("type") ?? "git"}+{vcs.GetString("url") ?? vcs.GetString("path")}@{vcs.GetString("commit-id")}";
            if (vcs.GetString("commit-id") is null)
            {
                collector.Error(vcs.Line, $"package {name}: vcs.commit-id is required");
            }
        }
        else if (directory is not null)
        {
            url = directory.GetString("path");
        }
        else if (archive is not null)
        {
            url = archive.GetString("url") ?? archive.GetString("path");
            if (archive.GetTable("hashes") is not { Count: > 0 })
            {
                collector.Error(archive.Line, $"package {name}: archive.hashes is required and must not be empty");
            }
        }

        var hashes = new List<string>();
        AddHashes(archive, hashes);
        AddHashes(package.GetTable("sdist"), hashes);
        foreach (var wheel in package.TablesAt("wheels"))
        {
            AddHashes(wheel, hashes);
        }

        collector.Packages.Add(collector.Locked(
            name,
            package.GetString("version"),
            package.Line,
            hashes,
            package.GetString("marker"),
            url,
            directory?.GetBoolean("editable") ?? false));
    }

    private static void AddHashes(TomlTable? artifact, List<string> hashes)
    {
        if (artifact?.GetTable("hashes") is not { } table)
        {
            return;
        }

        foreach (var (algorithm, value) in table)
        {
            if (value is TomlValue { Value: string hex })
            {
                hashes.Add($"{algorithm}:{hex}");
            }
        }
    }

    [GeneratedRegex(@"^pylock\.([^.]+\.)?toml$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNameRegex();
}
