using System.Text.Json;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Sbom.Internal;

namespace Pyfleet.Core.Manifests.Sbom;

/// <summary>
/// Reads a CycloneDX JSON BOM (1.4–1.7, https://cyclonedx.org/docs/1.6/json/) made by syft, trivy, cdxgen,
/// cyclonedx-py or Pyfleet as an inventory: every component (nested ones too) with a <c>pkg:pypi</c> purl is a
/// package of one environment named after <c>metadata.component</c>; <c>pkg:deb</c> ones with a Debian distro are
/// dpkg-owned packages (source from syft's <c>upstream=</c> qualifier or trivy's <c>SrcName</c>/<c>SrcVersion</c>
/// properties); other ecosystems are counted in a warning.
/// </summary>
public static class CycloneDxSbomReader
{
    public static InventoryDocument Read(JsonElement root, string path, List<string> warnings, DateTimeOffset now)
    {
        var version = root.TryGetProperty("specVersion", out var spec) && spec.ValueKind == JsonValueKind.String ? spec.GetString() : null;
        if (version is not ("1.4" or "1.5" or "1.6" or "1.7"))
        {
            warnings.Add($"{path}: CycloneDX specVersion {version ?? "(none)"} is not one of 1.4-1.7; read as far as it matches");
        }

        var inventory = new SbomInventory(path, "CycloneDX");
        if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            if (metadata.TryGetProperty("component", out var subject) && subject.ValueKind == JsonValueKind.Object)
            {
                inventory.Subject = Text(subject, "name");
                if (Text(subject, "type") == "operating-system")
                {
                    inventory.SetOs(Text(subject, "name"), Text(subject, "version"));
                }
            }

            if (Text(metadata, "timestamp") is { } timestamp && DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var created))
            {
                inventory.Created = created;
            }
        }

        var components = new List<JsonElement>();
        if (root.TryGetProperty("components", out var top) && top.ValueKind == JsonValueKind.Array)
        {
            Flatten(top, components);
        }

        // The OS first: a deb purl without a distro qualifier is on the SBOM's operating system.
        foreach (var os in components.Where(c => Text(c, "type") == "operating-system"))
        {
            inventory.SetOs(Text(os, "name"), Text(os, "version"));
        }

        foreach (var component in components)
        {
            var type = Text(component, "type");
            if (type == "operating-system")
            {
                continue;
            }

            if (Text(component, "purl") is null && type is "application" or "container" or "file" && component.TryGetProperty("components", out _))
            {
                continue; // a grouping component (an environment, an image): its packages are read on their own
            }

            inventory.Add(Text(component, "purl"), Text(component, "name"), Text(component, "version"), Location(component), Source(component));
        }

        return inventory.Build(warnings, now);
    }

    private static void Flatten(JsonElement array, List<JsonElement> into)
    {
        foreach (var component in array.EnumerateArray())
        {
            if (component.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            into.Add(component);
            if (component.TryGetProperty("components", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                Flatten(nested, into);
            }
        }
    }

    private static Dictionary<string, string> Properties(JsonElement component)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (component.TryGetProperty("properties", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var property in list.EnumerateArray())
            {
                if (Text(property, "name") is { } name && Text(property, "value") is { } value)
                {
                    properties.TryAdd(name, value);
                }
            }
        }

        return properties;
    }

    // syft: syft:location:0:path; trivy: aquasecurity:trivy:FilePath; Pyfleet: pyfleet:location.
    private static string? Location(JsonElement component)
    {
        var properties = Properties(component);
        return properties.GetValueOrDefault("syft:location:0:path") ?? properties.GetValueOrDefault("aquasecurity:trivy:FilePath") ?? properties.GetValueOrDefault("pyfleet:location");
    }

    // trivy names a deb's source package in properties (SrcName, SrcVersion, SrcRelease, SrcEpoch).
    private static (string, string?)? Source(JsonElement component)
    {
        var properties = Properties(component);
        if (!properties.TryGetValue("aquasecurity:trivy:SrcName", out var name))
        {
            return null;
        }

        var version = properties.GetValueOrDefault("aquasecurity:trivy:SrcVersion");
        if (version is not null && properties.TryGetValue("aquasecurity:trivy:SrcRelease", out var release))
        {
            version = $"{version}-{release}";
        }

        if (version is not null && properties.TryGetValue("aquasecurity:trivy:SrcEpoch", out var epoch) && epoch != "0")
        {
            version = $"{epoch}:{version}";
        }

        return (name, version);
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static PyfleetException NotAnSbom(string path, string why) => new($"not a readable SBOM: {why}", path);
}
