using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Which installed Debian package owns a metadata folder: <c>var/lib/dpkg/status</c> (or distroless
/// <c>status.d/</c>) for package, version and source; <c>info/*.list</c> (or <c>status.d/*.md5sums</c>) for files.
/// Spec: https://manpages.debian.org/bookworm/dpkg/dpkg-query.1.en.html (deb822 status stanzas) and
/// https://www.debian.org/doc/debian-policy/ch-controlfields.html#source
/// </summary>
internal sealed class DpkgDatabase
{
    private readonly Dictionary<string, OsPackageInfo> _byPath = new(StringComparer.Ordinal);

    public static DpkgDatabase Empty { get; } = new();

    public int PackageCount { get; private set; }

    /// <summary>Loads the database under the (physical) dpkg folder; problems become warnings.</summary>
    public static DpkgDatabase Load(string physicalDpkgDirectory, string logicalDpkgDirectory, List<ScanWarning> warnings)
    {
        var database = new DpkgDatabase();
        var packages = new Dictionary<string, OsPackageInfo>(StringComparer.Ordinal);
        try
        {
            var status = Path.Combine(physicalDpkgDirectory, "status");
            if (File.Exists(status))
            {
                foreach (var stanza in ParseStanzas(File.ReadAllText(status)))
                {
                    AddInstalled(packages, stanza, requireStatus: true);
                }

                database.IndexListFiles(physicalDpkgDirectory, packages);
            }

            var statusD = Path.Combine(physicalDpkgDirectory, "status.d");
            if (Directory.Exists(statusD))
            {
                database.LoadStatusD(statusD, packages);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new ScanWarning(logicalDpkgDirectory, $"cannot read the dpkg database: {ex.Message}"));
        }

        database.PackageCount = packages.Count;
        return database;
    }

    /// <summary>The owning package of a logical metadata path (<c>/usr/lib/python3/dist-packages/six-1.16.0.egg-info</c>).</summary>
    public OsPackageInfo? Owner(string logicalMetadataPath) => _byPath.GetValueOrDefault(logicalMetadataPath);

    internal static IEnumerable<Dictionary<string, string>> ParseStanzas(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                last = null;
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                if (last is not null)
                {
                    fields[last] += "\n" + line.Trim(); // continuation (Description, Conffiles): kept, not used
                }

                continue;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                last = line[..colon].Trim();
                fields[last] = line[(colon + 1)..].Trim();
            }
        }

        if (fields.Count > 0)
        {
            yield return fields;
        }
    }

    private static OsPackageInfo? AddInstalled(Dictionary<string, OsPackageInfo> packages, Dictionary<string, string> stanza, bool requireStatus)
    {
        if (!stanza.TryGetValue("Package", out var name) || !stanza.TryGetValue("Version", out var version))
        {
            return null;
        }

        // Status is "want flag state"; only state "installed" owns files for real (not config-files, half-installed).
        if (stanza.TryGetValue("Status", out var status) ? !status.EndsWith(" installed", StringComparison.Ordinal) : requireStatus)
        {
            return null;
        }

        // "Source: foo" or, when the binary version differs (binNMU 1.2-3+b1), "Source: foo (1.2-3)".
        string source = name;
        string? sourceVersion = null;
        if (stanza.TryGetValue("Source", out var sourceField) && sourceField.Length > 0)
        {
            var open = sourceField.IndexOf('(');
            source = (open < 0 ? sourceField : sourceField[..open]).Trim();
            if (open >= 0 && sourceField.IndexOf(')', open) is var close and > 0)
            {
                sourceVersion = sourceField[(open + 1)..close].Trim();
            }
        }

        var info = new OsPackageInfo("dpkg", name, version, source, sourceVersion);
        packages[name] = info;
        if (stanza.TryGetValue("Architecture", out var architecture))
        {
            packages[name + ":" + architecture] = info;
        }

        return info;
    }

    private void IndexListFiles(string dpkgDirectory, Dictionary<string, OsPackageInfo> packages)
    {
        var info = Path.Combine(dpkgDirectory, "info");
        if (!Directory.Exists(info))
        {
            return;
        }

        foreach (var list in Directory.EnumerateFiles(info, "*.list"))
        {
            var key = Path.GetFileNameWithoutExtension(list);
            if (!packages.TryGetValue(key, out var owner) && !packages.TryGetValue(key.Split(':')[0], out owner))
            {
                continue; // a leftover list of a removed package
            }

            foreach (var line in File.ReadLines(list))
            {
                AddPath(line.TrimEnd(), owner);
            }
        }
    }

    private void LoadStatusD(string statusD, Dictionary<string, OsPackageInfo> packages)
    {
        foreach (var file in Directory.EnumerateFiles(statusD))
        {
            if (file.EndsWith(".md5sums", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var stanza in ParseStanzas(File.ReadAllText(file)))
            {
                var owner = AddInstalled(packages, stanza, requireStatus: false);
                var md5sums = file + ".md5sums";
                if (owner is null || !File.Exists(md5sums))
                {
                    continue;
                }

                // "md5  usr/lib/python3/dist-packages/six-1.16.0.dist-info/METADATA": only files, so derive the folder.
                foreach (var line in File.ReadLines(md5sums))
                {
                    var space = line.IndexOf("  ", StringComparison.Ordinal);
                    if (space > 0)
                    {
                        AddPath("/" + line[(space + 2)..].TrimEnd(), owner);
                    }
                }
            }
        }
    }

    private void AddPath(string path, OsPackageInfo owner)
    {
        foreach (var suffix in (ReadOnlySpan<string>)[".dist-info", ".egg-info", ".egg"])
        {
            var at = path.IndexOf(suffix + "/", StringComparison.Ordinal);
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                _byPath.TryAdd(path, owner);
                return;
            }

            if (at > 0)
            {
                _byPath.TryAdd(path[..(at + suffix.Length)], owner);
                return;
            }
        }
    }
}
