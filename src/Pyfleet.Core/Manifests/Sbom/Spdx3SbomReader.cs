using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Sbom.Internal;

namespace Pyfleet.Core.Manifests.Sbom;

/// <summary>
/// Reads an SPDX 3.0 JSON-LD document (https://spdx.github.io/spdx-spec/v3.0.1/serializations/): the
/// <c>@graph</c>'s <c>software_Package</c> elements by <c>software_packageUrl</c> (or an <c>externalIdentifier</c>
/// of type <c>packageUrl</c>), the environment named after the <c>SpdxDocument</c>'s <c>name</c>; its root
/// elements are the subject, not contents.
/// </summary>
public static class Spdx3SbomReader
{
    public static InventoryDocument Read(JsonElement root, string path, List<string> warnings, DateTimeOffset now)
    {
        var inventory = new SbomInventory(path, "SPDX 3");
        var graph = root.TryGetProperty("@graph", out var g) && g.ValueKind == JsonValueKind.Array ? g.EnumerateArray().ToList() : [];
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in graph.Where(e => Type(e) is "SpdxDocument"))
        {
            inventory.Subject ??= CycloneDxSbomReader.Text(document, "name");
            if (document.TryGetProperty("rootElement", out var rootElements) && rootElements.ValueKind == JsonValueKind.Array)
            {
                roots.UnionWith(rootElements.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!));
            }
        }

        foreach (var element in graph.Where(e => Type(e) is "software_Package" or "Package"))
        {
            var purl = CycloneDxSbomReader.Text(element, "software_packageUrl") ?? Identifier(element);
            var id = CycloneDxSbomReader.Text(element, "spdxId") ?? CycloneDxSbomReader.Text(element, "@id");
            if (purl is null && id is not null && roots.Contains(id))
            {
                continue;
            }

            inventory.Add(purl, CycloneDxSbomReader.Text(element, "name"), CycloneDxSbomReader.Text(element, "software_packageVersion"), null);
        }

        return inventory.Build(warnings, now);
    }

    private static string? Type(JsonElement element) => CycloneDxSbomReader.Text(element, "type") ?? CycloneDxSbomReader.Text(element, "@type");

    private static string? Identifier(JsonElement element) =>
        element.TryGetProperty("externalIdentifier", out var ids) && ids.ValueKind == JsonValueKind.Array
            ? ids.EnumerateArray().Where(i => CycloneDxSbomReader.Text(i, "externalIdentifierType") == "packageUrl").Select(i => CycloneDxSbomReader.Text(i, "identifier")).FirstOrDefault(i => i is not null)
            : null;
}
