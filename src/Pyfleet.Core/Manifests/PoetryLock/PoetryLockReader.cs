using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Manifests.PoetryLock;

/// <summary>
/// <c>poetry.lock</c>, lock-version 1.x and 2.x (FORMATS.md §5.1; Poetry <c>src/poetry/packages/locker.py</c>).
/// Every <c>[[package]]</c> becomes a pinned package with its file hashes (per package from 2.0, from
/// <c>[metadata.files]</c> / <c>[metadata.hashes]</c> before).
/// </summary>
public sealed class PoetryLockReader : IManifestReader
{
    public string Name => "python/poetrylock";

    public string Kind => EnvironmentKinds.PoetryLock;

    public bool CanRead(string path) => Path.GetFileName(path).Equals("poetry.lock", StringComparison.OrdinalIgnoreCase);

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var root = TomlParser.ParseFile(full);
        var collector = new ManifestCollector(full, Kind);
        var metadata = root.GetTable("metadata");
        CheckVersion(metadata, collector);

        foreach (var package in root.TablesAt("package"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = package.GetString("name");
            var version = package.GetString("version");
            if (name is null || version is null)
            {
                collector.Error(package.Line, "[[package]] without name or version");
                continue;
            }

            var (url, editable) = Source(package);
            collector.Packages.Add(collector.Locked(name, version, package.Line, Hashes(package, metadata, name), Marker(package), url, editable));
        }

        return collector.Result();
    }

    private static void CheckVersion(TomlTable? metadata, ManifestCollector collector)
    {
        var lockVersion = metadata?.GetString("lock-version");
        switch (TomlHelpers.MajorMinor(lockVersion))
        {
            case null:
                collector.Warn(metadata?.Line, "no [metadata] lock-version; read as lock-version 1.x");
                break;
            case ( >= 3, _):
                collector.Error(metadata!.Line, $"lock-version {lockVersion} is newer than Poetry 2 reads (>=1,<3)");
                break;
            case (2, > 1):
                collector.Warn(metadata!.Line, $"lock-version {lockVersion} is newer than 2.1; read as 2.1");
                break;
        }
    }

    private static IEnumerable<string> Hashes(TomlTable package, TomlTable? metadata, string name)
    {
        // lock-version >= 2.0: files = [{file, hash}] in the package.
        foreach (var file in package.TablesAt("files"))
        {
            if (file.GetString("hash") is { } hash)
            {
                yield return hash;
            }
        }

        // lock-version 1.x: [metadata.files] name -> [{file, hash}]; oldest: [metadata.hashes] name -> ["hex"].
        foreach (var file in metadata?.GetTable("files")?.TablesAt(name) ?? [])
        {
            if (file.GetString("hash") is { } hash)
            {
                yield return hash;
            }
        }

        foreach (var (hex, _) in metadata?.GetTable("hashes")?.StringsAt(name) ?? [])
        {
            yield return hex.Contains(':', StringComparison.Ordinal) ? hex : $"sha256:{hex}";
        }
    }

    private static (string? Url, bool Editable) Source(TomlTable package)
    {
        var source = package.GetTable("source");
        var url = source?.GetString("url");
        var editable = package.GetBoolean("develop") ?? false;
        return source?.GetString("type") switch
        {
            "git" => ($"git+{url}@{source.GetString("resolved_reference") ?? source.GetString("reference")}", editable),
            "directory" or "file" or "url" => (url, editable),
            _ => (null, editable),
        };
    }

    // markers is a string ("marker" before Poetry 1.1), or in lock 2.1 a table group -> marker (then only a marker shared by every group is kept).
    private static string? Marker(TomlTable package)
    {
        // Poetry < 1.1 wrote the singular "marker" (lock-version 1.0); later ones "markers".
        if ((package.GetString("markers") ?? package.GetString("marker")) is { } marker)
        {
            return marker;
        }

        var perGroup = package.GetTable("markers")?.Values.OfType<TomlValue>().Select(v => v.Value as string).Distinct().ToList();
        return perGroup is [{ } only] ? only : null;
    }
}
