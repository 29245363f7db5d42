using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// Reads a PyPA advisory-database tree (<c>vulns/&lt;name&gt;/PYSEC-*.yaml</c>, FORMATS.md §6.3). Every YAML
/// scalar is loaded as a string (§6.2 pitfall: an unquoted <c>5.0</c> would otherwise become a float and a
/// timestamp a date), then converted to JSON and read as OSV.
/// </summary>
public static class PypaYamlLoader
{
    /// <summary>True when <paramref name="directory"/> looks like the tree (has <c>vulns/</c> or holds <c>*.yaml</c> files below).</summary>
    public static bool LooksLikeTree(string directory) =>
        Directory.Exists(directory)
        && (Directory.Exists(Path.Combine(directory, "vulns"))
            || Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Any());

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> file under the tree (or its <c>vulns/</c> folder).</summary>
    public static OsvLoadResult Load(string directory, CancellationToken cancellationToken = default)
    {
        var root = Directory.Exists(Path.Combine(directory, "vulns")) ? Path.Combine(directory, "vulns") : directory;
        var records = new List<OsvRecord>();
        var warnings = new List<AdvisoryWarning>();
        var seen = 0;
        var files = Directory.EnumerateFiles(root, "*.*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            seen++;
            var record = ReadFile(file, warnings);
            if (record is not null)
            {
                records.Add(record);
            }
        }

        return new OsvLoadResult(records, warnings, seen);
    }

    /// <summary>Reads one YAML advisory; problems become warnings naming the file and line.</summary>
    public static OsvRecord? ReadFile(string file, ICollection<AdvisoryWarning> warnings)
    {
        JsonNode? json;
        try
        {
            // Only regular files, size-bounded; no anchors/aliases, bounded depth (issue 17).
            using var reader = new StreamReader(IO.RegularFile.OpenRead(file, IO.InputLimits.Default.MaxSmallFileBytes, "limits.max-small-file-bytes"));
            json = Sync.Internal.YamlToJson.Read(reader, IO.InputLimits.Default.MaxNestingDepth);
        }
        catch (YamlException ex)
        {
            warnings.Add(new AdvisoryWarning($"{file}:{ex.Start.Line}", $"not valid YAML: {ex.Message}"));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this on some malformed plain scalars (found by fuzz/osv-yaml).
            warnings.Add(new AdvisoryWarning(file, $"not valid YAML: {ex.Message}"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new AdvisoryWarning(file, $"not read: {(ex is UnauthorizedAccessException ? "permission denied" : ex.Message)}"));
            return null;
        }

        if (json is not JsonObject)
        {
            warnings.Add(new AdvisoryWarning(file, "not a YAML mapping, skipped"));
            return null;
        }

        try
        {
            return OsvRecordReader.Validate(json.Deserialize(OsvJsonContext.Default.OsvRecord), file, warnings);
        }
        catch (JsonException ex)
        {
            warnings.Add(new AdvisoryWarning(file, $"not an OSV record: {ex.Message}"));
            return null;
        }
    }
}
