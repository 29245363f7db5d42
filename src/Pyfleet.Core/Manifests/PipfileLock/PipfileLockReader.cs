using System.Text.Json;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.IO;
using Pyfleet.Core.Manifests.Internal;

namespace Pyfleet.Core.Manifests.PipfileLock;

/// <summary>
/// pipenv's <c>Pipfile.lock</c> (JSON; FORMATS.md §5.2). Every top-level key but <c>_meta</c> is a category
/// (<c>default</c>, <c>develop</c>, custom ones); <c>version</c> carries its operator (<c>"==2.28.1"</c>).
/// </summary>
public sealed class PipfileLockReader : IManifestReader
{
    public string Name => "python/pipfilelock";

    public string Kind => EnvironmentKinds.PipfileLock;

    public bool CanRead(string path) => Path.GetFileName(path).Equals("Pipfile.lock", StringComparison.OrdinalIgnoreCase);

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var bytes = RegularFile.ReadAllBytes(full, options.Limits.MaxManifestBytes);
        if (Utf8Text.InvalidLine(bytes) is { } badLine)
        {
            throw new PyfleetException("not valid UTF-8", full, badLine);
        }

        var lines = PackageLines(bytes, full);
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = options.Limits.MaxNestingDepth, CommentHandling = JsonCommentHandling.Skip });
        var collector = new ManifestCollector(full, Kind);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new PyfleetException("Pipfile.lock must be a JSON object", full, 1);
        }

        foreach (var category in document.RootElement.EnumerateObject())
        {
            if (category.Name == "_meta" || category.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var package in category.Value.EnumerateObject())
            {
                var line = lines.GetValueOrDefault((category.Name, package.Name), 1);
                if (package.Value.ValueKind != JsonValueKind.Object)
                {
                    collector.Error(line, $"{category.Name}.{package.Name} must be an object");
                    continue;
                }

                collector.Packages.Add(ToPackage(package.Name, package.Value, line, collector));
            }
        }

        return collector.Result();
    }

    private static Inventory.InventoryPackage ToPackage(string name, JsonElement entry, int line, ManifestCollector collector)
    {
        var versionText = String(entry, "version");
        string? version = null;
        if (versionText is not null)
        {
            version = versionText.StartsWith("===", StringComparison.Ordinal) ? versionText[3..]
                : versionText.StartsWith("==", StringComparison.Ordinal) ? versionText[2..]
                : null;
            if (version is null && versionText != "*")
            {
                collector.Warn(line, $"{name}: version '{versionText}' is not an exact pin");
            }
        }

        var hashes = entry.TryGetProperty("hashes", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var extras = entry.TryGetProperty("extras", out var e) && e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];
        var url = String(entry, "git") is { } git ? $"git+{git}@{String(entry, "ref")}" : String(entry, "file") ?? String(entry, "path");
        var editable = entry.TryGetProperty("editable", out var ed) && ed.ValueKind == JsonValueKind.True;
        return collector.Locked(name, version, line, hashes, String(entry, "markers"), url, editable, extras);
    }

    private static string? String(JsonElement entry, string key) =>
        entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // JsonDocument keeps no positions: walk the tokens once and note the line of every category.package key.
    private static Dictionary<(string, string), int> PackageLines(byte[] bytes, string path)
    {
        var lines = new Dictionary<(string, string), int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = InputLimits.Default.MaxNestingDepth });
        var line = 1;
        long counted = 0;
        string? category = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth is not (1 or 2))
                {
                    continue;
                }

                var start = reader.TokenStartIndex;
                line += bytes.AsSpan((int)counted, (int)(start - counted)).Count((byte)'\n');
                counted = start;
                if (reader.CurrentDepth == 1)
                {
                    category = reader.GetString();
                }
                else if (category is not null)
                {
                    lines.TryAdd((category, reader.GetString()!), line);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"not valid JSON: {ex.Message}", path, (int)(ex.LineNumber ?? 0) + 1, ex);
        }

        return lines;
    }
}
