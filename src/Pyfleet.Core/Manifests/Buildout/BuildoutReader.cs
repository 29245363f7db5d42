using Pyfleet.Core.IO;
using System.Text.RegularExpressions;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;
using Pyfleet.Packaging.Names;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Manifests.Buildout;

/// <summary>
/// zc.buildout version pins (FORMATS.md §5.6, https://zcbuildout.readthedocs.io/en/latest/reference.html): the
/// section named by <c>[buildout] versions</c> (default <c>versions</c>), merged through <c>extends</c> chains of
/// local files (relative to the including file, later files override earlier, the including file overrides all;
/// cycles are errors), with <c>+=</c>/<c>-=</c>. <c>${section:option}</c> references are left unresolved with a
/// warning; remote <c>extends</c> URLs are not fetched.
/// </summary>
public sealed partial class BuildoutReader : IManifestReader
{
    public string Name => "python/buildout";

    public string Kind => EnvironmentKinds.Buildout;

    /// <summary><c>versions.cfg</c>, <c>buildout.cfg</c>; other <c>*.cfg</c> files with a <c>[buildout]</c> or <c>[versions]</c> section are found by <see cref="ManifestSniffer"/>.</summary>
    public bool CanRead(string path) =>
        Path.GetFileName(path).ToLowerInvariant() is "versions.cfg" or "buildout.cfg";

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var collector = new ManifestCollector(full, Kind);
        var merged = Load(full, [], collector, includedAt: null);
        var versionsSection = merged.GetValueOrDefault("buildout")?.GetValueOrDefault("versions")?.Value ?? "versions";
        foreach (var (section, values) in merged)
        {
            var marker = SectionMarker(section, versionsSection, out var isVersions);
            if (!isVersions)
            {
                continue;
            }

            foreach (var (_, setting) in values)
            {
                Add(setting, marker, collector);
            }
        }

        return collector.Result();
    }

    private static void Add(Setting setting, string? marker, ManifestCollector collector)
    {
        var value = setting.Value.Trim();
        var origin = $"{setting.File}:{setting.Line}";
        if (value.Length == 0)
        {
            return; // an empty value unpins
        }

        if (value.Contains("${", StringComparison.Ordinal))
        {
            collector.Diagnostics.Add(new ManifestDiagnostic(setting.File, setting.Line, ManifestSeverity.Warning, $"{setting.Key} = {value}: ${{…}} reference left unresolved"));
        }

        // A bare version or ==V is a pin; a value starting with < or > is a range constraint, not a pin.
        var pinned = value.StartsWith("==", StringComparison.Ordinal) ? value[2..].Trim() : value[0] is '<' or '>' or '!' or '~' or '$' ? null : value;
        if (pinned is not null && !Pep440Version.TryParse(pinned, out _))
        {
            collector.Diagnostics.Add(new ManifestDiagnostic(setting.File, setting.Line, ManifestSeverity.Warning, $"{setting.Key} = {value}: not a PEP 440 version"));
        }

        collector.Packages.Add(new InventoryPackage
        {
            Name = PackageName.Normalize(setting.Key),
            DisplayName = setting.Key,
            Version = pinned,
            Specifier = pinned is null ? value : $"=={pinned}",
            Marker = marker,
            Origin = origin,
        });
    }

    // [versions:python3], [versions:python_version <= "3.9"] (buildout >= 3.0 takes PEP 508 markers).
    private static string? SectionMarker(string section, string versionsSection, out bool isVersions)
    {
        isVersions = false;
        var colon = section.IndexOf(':');
        var name = colon < 0 ? section : section[..colon].Trim();
        if (!name.Equals(versionsSection, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        isVersions = true;
        if (colon < 0)
        {
            return null;
        }

        var condition = section[(colon + 1)..].Trim();
        var legacy = PythonConditionRegex().Match(condition);
        return !legacy.Success ? condition
            : legacy.Groups[2].Length == 0 ? $"python_version >= \"{legacy.Groups[1].Value}\" and python_version < \"{int.Parse(legacy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}\""
            : $"python_version == \"{legacy.Groups[1].Value}.{legacy.Groups[2].Value}\"";
    }

    private static Dictionary<string, Dictionary<string, Setting>> Load(string file, HashSet<string> chain, ManifestCollector collector, (string File, int Line)? includedAt)
    {
        var result = new Dictionary<string, Dictionary<string, Setting>>(StringComparer.OrdinalIgnoreCase);
        if (!chain.Add(file))
        {
            collector.Diagnostics.Add(new ManifestDiagnostic(includedAt!.Value.File, includedAt.Value.Line, ManifestSeverity.Error, $"extends cycle: {file} is already being read"));
            return result;
        }

        List<IniEntry> entries;
        using (var reader = new StreamReader(RegularFile.OpenRead(file, InputLimits.Default.MaxManifestBytes)))
        {
            entries = IniReader.Read(reader, buildoutOperators: true, (line, message) => collector.Diagnostics.Add(new ManifestDiagnostic(file, line, ManifestSeverity.Error, message)));
        }

        foreach (var entry in entries.Where(e => e.Section.Equals("buildout", StringComparison.OrdinalIgnoreCase) && e.Key is "extends" or "optional-extends"))
        {
            foreach (var (text, line) in entry.Lines)
            {
                foreach (var target in text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    Merge(result, Extend(file, target, line, entry.Key == "optional-extends", chain, collector));
                }
            }
        }

        foreach (var entry in entries)
        {
            Apply(result, entry, file);
        }

        chain.Remove(file);
        return result;
    }

    private static Dictionary<string, Dictionary<string, Setting>> Extend(string file, string target, int line, bool optional, HashSet<string> chain, ManifestCollector collector)
    {
        if (target.Contains("://", StringComparison.Ordinal))
        {
            collector.Diagnostics.Add(new ManifestDiagnostic(file, line, ManifestSeverity.Warning, $"extends {target}: remote configuration is not fetched; its pins are not inventoried"));
            return [];
        }

        if (target.Contains('\0'))
        {
            collector.Diagnostics.Add(new ManifestDiagnostic(file, line, ManifestSeverity.Error, $"extends {target.Replace('\0', '?')}: the path contains a NUL byte"));
            return [];
        }

        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
        if (!File.Exists(path))
        {
            if (!optional)
            {
                collector.Diagnostics.Add(new ManifestDiagnostic(file, line, ManifestSeverity.Error, $"extends {target}: file not found"));
            }

            return [];
        }

        try
        {
            return Load(path, chain, collector, (file, line));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // extends = /dev/zero, a FIFO, a huge file: an error on the extends line, the rest still read.
            chain.Remove(path);
            collector.Diagnostics.Add(new ManifestDiagnostic(file, line, ManifestSeverity.Error, $"extends {target}: {ex.Message}"));
            return [];
        }
    }

    private static void Merge(Dictionary<string, Dictionary<string, Setting>> into, Dictionary<string, Dictionary<string, Setting>> from)
    {
        foreach (var (section, values) in from)
        {
            var target = Section(into, section);
            foreach (var (key, setting) in values)
            {
                target[key] = setting;
            }
        }
    }

    private static void Apply(Dictionary<string, Dictionary<string, Setting>> into, IniEntry entry, string file)
    {
        var section = Section(into, entry.Section);
        var key = PackageName.Normalize(entry.Key);
        var value = entry.Value;
        if (entry.Operator != "=" && section.TryGetValue(key, out var existing))
        {
            var lines = existing.Value.Split('\n').ToList();
            if (entry.Operator == "+=")
            {
                lines.AddRange(value.Split('\n'));
            }
            else
            {
                lines.RemoveAll(l => value.Split('\n').Contains(l.Trim()));
            }

            value = string.Join("\n", lines).Trim();
        }

        section[key] = new Setting(entry.Key, value, file, entry.Line);
    }

    private static Dictionary<string, Setting> Section(Dictionary<string, Dictionary<string, Setting>> all, string name)
    {
        if (!all.TryGetValue(name, out var section))
        {
            all[name] = section = new Dictionary<string, Setting>(StringComparer.Ordinal);
        }

        return section;
    }

    private sealed record Setting(string Key, string Value, string File, int Line);

    [GeneratedRegex(@"^python(\d)(\d*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonConditionRegex();
}
