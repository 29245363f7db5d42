using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Sbom.Internal;

namespace Pyfleet.Core.Manifests.Sbom;

/// <summary>
/// Reads an SPDX 2.x JSON document (2.3, https://spdx.github.io/spdx-spec/v2.3/) as an inventory: each package's
/// <c>externalRefs</c> purl (<c>referenceCategory</c> PACKAGE-MANAGER, <c>referenceType</c> purl) decides what it is,
/// the environment is named after the document's <c>name</c>; packages the document describes (its root) are the
/// subject, not contents.
/// </summary>
public static class SpdxJsonSbomReader
{
    public static InventoryDocument Read(JsonElement root, string path, List<string> warnings, DateTimeOffset now)
    {
        var inventory = new SbomInventory(path, "SPDX");
        inventory.Subject = CycloneDxSbomReader.Text(root, "name");
        if (root.TryGetProperty("creationInfo", out var creation) && CycloneDxSbomReader.Text(creation, "created") is { } created
            && DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
        {
            inventory.Created = at;
        }

        var described = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("documentDescribes", out var describes) && describes.ValueKind == JsonValueKind.Array)
        {
            described.UnionWith(describes.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()!));
        }

        if (root.TryGetProperty("relationships", out var relationships) && relationships.ValueKind == JsonValueKind.Array)
        {
            described.UnionWith(relationships.EnumerateArray()
                .Where(r => CycloneDxSbomReader.Text(r, "relationshipType") == "DESCRIBES" && CycloneDxSbomReader.Text(r, "spdxElementId") == "SPDXRef-DOCUMENT")
                .Select(r => CycloneDxSbomReader.Text(r, "relatedSpdxElement")!).Where(r => r is not null));
        }

        if (!root.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Array)
        {
            return inventory.Build(warnings, now);
        }

        foreach (var package in packages.EnumerateArray())
        {
            var purl = Purl(package);
            if (purl is null && CycloneDxSbomReader.Text(package, "SPDXID") is { } id && described.Contains(id))
            {
                continue; // the document's subject (a folder, an image) is not one of its packages
            }

            if (purl is null && CycloneDxSbomReader.Text(package, "primaryPackagePurpose") == "OPERATING-SYSTEM")
            {
                inventory.SetOs(CycloneDxSbomReader.Text(package, "name"), CycloneDxSbomReader.Text(package, "versionInfo"));
                continue;
            }

            inventory.Add(purl, CycloneDxSbomReader.Text(package, "name"), CycloneDxSbomReader.Text(package, "versionInfo"), null);
        }

        return inventory.Build(warnings, now);
    }

    private static string? Purl(JsonElement package)
    {
        if (!package.TryGetProperty("externalRefs", out var refs) || refs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return refs.EnumerateArray()
            .Where(r => CycloneDxSbomReader.Text(r, "referenceType") == "purl")
            .Select(r => CycloneDxSbomReader.Text(r, "referenceLocator"))
            .FirstOrDefault(l => l is not null);
    }
}
