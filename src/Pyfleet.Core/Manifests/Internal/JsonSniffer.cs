using System.Text;
using System.Text.Json;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests.Internal;

/// <summary>Classifies a JSON document by its top-level keys (and the values that name a format).</summary>
internal static class JsonSniffer
{
    public static SniffedFormat Sniff(string text)
    {
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Unknown("JSON that is not an object is no requirements or lock format");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                keys[name] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException ex)
        {
            return Unknown($"not valid JSON ({ex.Message.Split(". ")[0]})");
        }

        if (keys.TryGetValue("bomFormat", out var bom) && string.Equals(bom, "CycloneDX", StringComparison.OrdinalIgnoreCase))
        {
            return new SniffedFormat(SniffedFormat.CycloneDx, null, "CycloneDX SBOM: not supported yet");
        }

        if (keys.ContainsKey("spdxVersion"))
        {
            return new SniffedFormat(SniffedFormat.Spdx, null, "SPDX SBOM: not supported yet");
        }

        if (keys.ContainsKey("schemaVersion") && keys.ContainsKey("environments"))
        {
            return new SniffedFormat(SniffedFormat.Inventory, null, "a Pyfleet inventory document, not a requirements or lock file");
        }

        return keys.ContainsKey("_meta") && (keys.ContainsKey("default") || keys.ContainsKey("develop"))
            ? ManifestSniffer.Manifest(EnvironmentKinds.PipfileLock)
            : Unknown("JSON of an unknown format (no Pipfile.lock '_meta', no SBOM or inventory keys)");
    }

    private static SniffedFormat Unknown(string why) => new(SniffedFormat.Unknown, null, $"not checked: unknown format: {why}");
}
