using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// A conda prefix's <c>conda-meta/*.json</c> PrefixRecords: the channel of each Python distribution (matched via
/// the <c>.dist-info</c> among the record's <c>files</c>), the packages that are not Python distributions (native
/// libraries, tools), and the interpreter version from the <c>python</c> record.
/// Reference: https://docs.conda.io/projects/conda/en/latest/user-guide/concepts/environments.html
/// </summary>
internal sealed class CondaMeta
{
    private const long MaxRecordBytes = 64L * 1024 * 1024;

    /// <summary>Logical metadata folder → conda channel.</summary>
    public Dictionary<string, string?> ChannelByMetadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Records with no Python metadata among their files.</summary>
    public List<InventoryPackage> NonPythonPackages { get; } = [];

    public string? PythonVersion { get; private set; }

    public static CondaMeta Read(PathMap paths, string logicalPrefix, string logicalCondaMeta, List<ScanWarning> warnings)
    {
        var meta = new CondaMeta();
        IEnumerable<string> records;
        try
        {
            records = [.. Directory.EnumerateFiles(paths.ToPhysical(logicalCondaMeta), "*.json").Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add(new ScanWarning(logicalCondaMeta, $"cannot list folder: {ex.Message}"));
            return meta;
        }

        foreach (var record in records)
        {
            var logical = paths.ToLogical(record);
            try
            {
                using var document = JsonDocument.Parse(Pyfleet.Core.IO.RegularFile.ReadAllBytes(record, MaxRecordBytes, "limits.max-manifest-bytes"));
                meta.Add(document.RootElement, logicalPrefix, logical);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
            {
                warnings.Add(new ScanWarning(logical, $"unreadable conda record: {ex.Message}"));
            }
        }

        return meta;
    }

    private void Add(JsonElement record, string logicalPrefix, string logicalRecord)
    {
        var name = record.GetProperty("name").GetString() ?? throw new JsonException("no name");
        var version = record.GetProperty("version").GetString() ?? throw new JsonException("no version");
        var channel = record.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (name == "python")
        {
            PythonVersion = version;
        }

        var hasPythonMetadata = false;
        if (record.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
        {
            foreach (var file in files.EnumerateArray())
            {
                var relative = file.GetString();
                var folder = relative is null ? null : MetadataFolder(relative);
                if (folder is not null)
                {
                    hasPythonMetadata = true;
                    ChannelByMetadata.TryAdd(logicalPrefix.TrimEnd('/') + "/" + folder, channel);
                }
            }
        }

        if (!hasPythonMetadata)
        {
            NonPythonPackages.Add(new InventoryPackage
            {
                Name = PackageName.Normalize(name),
                DisplayName = name,
                Version = version,
                Installer = "conda",
                Location = logicalRecord,
                Channel = channel,
                Ecosystem = "conda",
            });
        }
    }

    private static string? MetadataFolder(string relative)
    {
        foreach (var suffix in (ReadOnlySpan<string>)[".dist-info/", ".egg-info/"])
        {
            var at = relative.IndexOf(suffix, StringComparison.Ordinal);
            if (at > 0)
            {
                return relative[..(at + suffix.Length - 1)];
            }
        }

        return relative.EndsWith(".egg-info", StringComparison.Ordinal) ? relative : null;
    }
}
