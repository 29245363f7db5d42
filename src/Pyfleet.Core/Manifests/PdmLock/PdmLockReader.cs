using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Manifests.PdmLock;

/// <summary>
/// <c>pdm.lock</c> (FORMATS.md §5.5, https://pdm-project.org/en/latest/usage/lockfile/): <c>[[package]]</c> with
/// <c>files = [{file|url, hash}]</c>, or hashes in <c>[metadata.files]</c> keyed <c>"name version"</c> in old locks.
/// </summary>
public sealed class PdmLockReader : IManifestReader
{
    public string Name => "python/pdmlock";

    public string Kind => EnvironmentKinds.PdmLock;

    public bool CanRead(string path) => Path.GetFileName(path).Equals("pdm.lock", StringComparison.OrdinalIgnoreCase);

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var root = TomlParser.ParseFile(full);
        var collector = new ManifestCollector(full, Kind);
        var metadata = root.GetTable("metadata");
        var lockVersion = metadata?.GetString("lock_version");
        if (TomlHelpers.MajorMinor(lockVersion) is ( > 4, _))
        {
            collector.Error(metadata!.Line, $"lock_version {lockVersion} has a newer major version than PDM 2 writes (4.x)");
        }

        var oldFiles = metadata?.GetTable("files");
        foreach (var package in root.TablesAt("package"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = package.GetString("name");
            if (name is null)
            {
                collector.Error(package.Line, "[[package]] without name");
                continue;
            }

            var version = package.GetString("version");
            var hashes = package.TablesAt("files")
                .Concat(oldFiles?.TablesAt($"{name} {version}") ?? [])
                .Select(f => f.GetString("hash"))
                .OfType<string>();
            var git = package.GetString("git");
            var url = git is not null
                ? $"git+{git}@{package.GetString("revision") ?? package.GetString("ref")}"
                : package.GetString("url") ?? package.GetString("path");
            // PDM locks "requests[socks]" as its own entry with extras = ["socks"]: the extras are part of what is installed.
            var extras = package.StringsAt("extras").Select(e => e.Text).ToList();
            collector.Packages.Add(collector.Locked(name, version, package.Line, hashes, package.GetString("marker"), url, package.GetBoolean("editable") ?? false, extras));
        }

        return collector.Result();
    }
}
