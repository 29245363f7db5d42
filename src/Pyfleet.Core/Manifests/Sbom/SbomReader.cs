using System.Text.Json;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests.Sbom;

/// <summary>
/// SBOMs made by other tools as inventories, recognised by content whatever the file is called: top-level
/// <c>"bomFormat": "CycloneDX"</c> (<see cref="CycloneDxSbomReader"/>), <c>spdxVersion</c>
/// (<see cref="SpdxJsonSbomReader"/>), or an <c>@context</c> naming SPDX 3 (<see cref="Spdx3SbomReader"/>).
/// </summary>
public static class SbomReader
{
    /// <summary>True when <paramref name="path"/> is an SBOM this reads (sniffed like every other input).</summary>
    public static bool IsSbom(string path)
    {
        try
        {
            return ManifestSniffer.Sniff(path).Format is SniffedFormat.CycloneDx or SniffedFormat.Spdx;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the SBOM at <paramref name="path"/>; what it cannot check goes to <paramref name="warnings"/>.</summary>
    public static InventoryDocument Read(string path, List<string> warnings, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 512, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new PyfleetException($"not a readable SBOM: {ex.Message.Split(". ")[0]}", path, (int?)ex.LineNumber + 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PyfleetException($"cannot read: {ex.Message}", path);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw CycloneDxSbomReader.NotAnSbom(path, "not a JSON object");
            }

            if (CycloneDxSbomReader.Text(root, "bomFormat") is { } format && format.Equals("CycloneDX", StringComparison.OrdinalIgnoreCase))
            {
                return CycloneDxSbomReader.Read(root, path, warnings, now);
            }

            if (root.TryGetProperty("spdxVersion", out _))
            {
                return SpdxJsonSbomReader.Read(root, path, warnings, now);
            }

            if (root.TryGetProperty("@context", out var context) && context.GetRawText().Contains("spdx", StringComparison.OrdinalIgnoreCase))
            {
                return Spdx3SbomReader.Read(root, path, warnings, now);
            }

            throw CycloneDxSbomReader.NotAnSbom(path, "no bomFormat, spdxVersion or SPDX 3 @context");
        }
    }
}
