using System.Text.RegularExpressions;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.IO;
using Pyfleet.Core.Manifests.Internal;

namespace Pyfleet.Core.Manifests.SetupCfg;

/// <summary>
/// setuptools' declarative <c>setup.cfg</c> (FORMATS.md §5.7,
/// https://setuptools.pypa.io/en/latest/userguide/declarative_config.html): <c>[options] install_requires</c> and
/// every key of <c>[options.extras_require]</c> are "list-semi" — a dangling multi-line list (one PEP 508 string a
/// line) or one line split on <c>;</c>. <c>file:</c> reads PEP 508 lines from another file. configparser
/// interpolation (<c>%(name)s</c>, <c>%%</c>) applies. setup.py is never run.
/// </summary>
public sealed partial class SetupCfgReader : IManifestReader
{
    public string Name => "python/setupcfg";

    public string Kind => EnvironmentKinds.SetupCfg;

    public bool CanRead(string path) => Path.GetFileName(path).Equals("setup.cfg", StringComparison.OrdinalIgnoreCase);

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var collector = new ManifestCollector(full, Kind);
        using var reader = new StreamReader(RegularFile.OpenRead(full, options.Limits.MaxManifestBytes));
        var entries = IniReader.Read(reader, buildoutOperators: false, (line, message) => collector.Error(line, message));
        var defaults = entries.Where(e => e.Section == "DEFAULT").ToList();
        foreach (var entry in entries)
        {
            var isRequires = entry.Section == "options" && entry.Key.Equals("install_requires", StringComparison.OrdinalIgnoreCase);
            if (isRequires || entry.Section == "options.extras_require")
            {
                ReadList(entry, entries.Where(e => e.Section == entry.Section).Concat(defaults).ToList(), collector);
            }
        }

        return collector.Result();
    }

    private static void ReadList(IniEntry entry, List<IniEntry> scope, ManifestCollector collector)
    {
        var value = Interpolate(entry.Value, scope, entry.Line, collector);
        if (value.StartsWith("file:", StringComparison.Ordinal))
        {
            foreach (var file in value[5..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                ReadFile(Path.Combine(Path.GetDirectoryName(collector.Path)!, file), entry.Line, collector);
            }

            return;
        }

        // setuptools _parse_list: split lines when the value has several, else on ';'.
        IEnumerable<(string Text, int Line)> items = entry.Lines.Count(l => l.Text.Length > 0) > 1
            ? entry.Lines.Select(l => (Interpolate(l.Text, scope, l.Line, collector), l.Line))
            : value.Split(';').Select(t => (t, entry.Lines.Where(l => l.Text.Length > 0).Select(l => l.Line).DefaultIfEmpty(entry.Line).First()));
        foreach (var (text, line) in items)
        {
            if (text.Trim() is { Length: > 0 } requirement && collector.FromPep508(requirement, line) is { } package)
            {
                collector.Packages.Add(package);
            }
        }
    }

    private static void ReadFile(string file, int line, ManifestCollector collector)
    {
        if (!File.Exists(file))
        {
            collector.Error(line, $"file: {file} does not exist");
            return;
        }

        var number = 0;
        using var reader = new StreamReader(RegularFile.OpenRead(file, InputLimits.Default.MaxManifestBytes));
        for (var raw = reader.ReadLine(); raw is not null; raw = reader.ReadLine())
        {
            number++;
            var text = raw.Split('#')[0].Trim();
            if (text.Length > 0 && collector.FromPep508(text, line) is { } package)
            {
                collector.Packages.Add(package with { Origin = $"{Path.GetFullPath(file)}:{number}" });
            }
        }
    }

    // configparser BasicInterpolation: %(name)s from the same section or [DEFAULT], %% for a literal %.
    private static string Interpolate(string value, List<IniEntry> scope, int line, ManifestCollector collector) =>
        value.Contains('%') ? InterpolationRegex().Replace(value, match =>
        {
            if (match.Value == "%%")
            {
                return "%";
            }

            var name = match.Groups[1].Value;
            var found = scope.Find(e => e.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                collector.Error(line, $"bad interpolation: no option '{name}' for %({name})s");
                return match.Value;
            }

            return found.Value;
        }) : value;

    [GeneratedRegex(@"%%|%\(([^)]+)\)s", RegexOptions.CultureInvariant)]
    private static partial Regex InterpolationRegex();
}
