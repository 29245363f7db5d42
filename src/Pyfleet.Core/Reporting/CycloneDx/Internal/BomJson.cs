using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting.CycloneDx.Internal;

/// <summary>The parts every Pyfleet BOM shares: header, metadata, components and their properties.</summary>
internal static class BomJson
{
    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteHeader(Utf8JsonWriter json, Guid? serialNumber)
    {
        json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.6");
        json.WriteString("serialNumber", $"urn:uuid:{serialNumber ?? Guid.NewGuid():D}");
        json.WriteNumber("version", 1);
    }

    public static void WriteMetadata(Utf8JsonWriter json, DateTimeOffset timestamp, string toolVersion, string subjectName, IEnumerable<(string Name, string Value)> properties)
    {
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", Timestamp(timestamp));
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "pyfleet");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("component");
        json.WriteString("type", "application");
        json.WriteString("bom-ref", BomPlan.SubjectRef);
        json.WriteString("name", subjectName);
        WriteProperties(json, properties);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>RFC 3339 in UTC, whole seconds (the schema's <c>date-time</c>).</summary>
    public static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void WriteOs(Utf8JsonWriter json, BomPlan.OsNode os)
    {
        json.WriteStartObject();
        json.WriteString("type", "operating-system");
        json.WriteString("bom-ref", os.Ref);
        json.WriteString("name", os.Os.Id);
        if ((os.Os.VersionId ?? os.Os.Codename) is { } version)
        {
            json.WriteString("version", version);
        }

        if (os.Os.PrettyName is { } pretty)
        {
            json.WriteString("description", pretty);
        }

        json.WriteEndObject();
    }

    /// <summary>An environment with its packages nested.</summary>
    public static void WriteEnvironment(Utf8JsonWriter json, BomPlan.EnvironmentNode environment, IEnumerable<(string Name, string Value)> extra)
    {
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("bom-ref", environment.Ref);
        json.WriteString("name", environment.Path);
        var properties = new List<(string, string)> { ("pyfleet:environment:kind", environment.Kind), ("pyfleet:host", environment.Host) };
        if (environment.Python is { } python)
        {
            properties.Add(("pyfleet:python:version", python));
        }

        properties.AddRange(environment.Labels.Select(l => ("pyfleet:label", l)));
        properties.AddRange(extra);
        WriteProperties(json, properties);
        json.WriteStartArray("components");
        foreach (var package in environment.Packages)
        {
            WritePackage(json, package);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WritePackage(Utf8JsonWriter json, BomPlan.PackageNode node, IEnumerable<(string Name, string Value)>? extra = null)
    {
        var package = node.Package;
        json.WriteStartObject();
        json.WriteString("type", "library");
        json.WriteString("bom-ref", node.Ref);
        var os = package?.OsPackage;
        json.WriteString("name", os is { Manager: "dpkg" } ? os.Name : node.Name);
        if ((os is { Manager: "dpkg" } ? os.Version : node.Version) is { Length: > 0 } version)
        {
            json.WriteString("version", version);
        }

        json.WriteString("purl", node.Purl);
        if (package is not null)
        {
            WriteHashes(json, package.Hashes);
        }

        WriteProperties(json, extra is null ? PackageProperties(node) : PackageProperties(node).Concat(extra));
        json.WriteEndObject();
    }

    private static IEnumerable<(string Name, string Value)> PackageProperties(BomPlan.PackageNode node)
    {
        var package = node.Package;
        if (package?.OsPackage is { Manager: "dpkg" } os)
        {
            yield return ("pyfleet:python:name", package.DisplayName ?? package.Name);
            if (package.Version is { } pythonVersion)
            {
                yield return ("pyfleet:python:version", pythonVersion);
            }

            if (os.Source is { } source)
            {
                yield return ("pyfleet:deb:source", os.SourceVersion is { } sourceVersion ? $"{source} {sourceVersion}" : source);
            }
        }

        if (package is null)
        {
            if (node.Audit?.Location is { } auditLocation)
            {
                yield return ("pyfleet:location", auditLocation);
            }

            yield break;
        }

        foreach (var (name, value) in new[]
        {
            ("pyfleet:location", package.Location), ("pyfleet:installer", package.Installer), ("pyfleet:origin", package.Origin),
            ("pyfleet:specifier", package.Specifier), ("pyfleet:marker", package.Marker), ("pyfleet:url", package.Url),
            ("pyfleet:shadowedBy", package.ShadowedBy), ("pyfleet:conda:channel", package.Channel),
        })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return (name, value);
            }
        }

        if (package.Inherited)
        {
            yield return ("pyfleet:inherited", "true");
        }

        if (package.Editable)
        {
            yield return ("pyfleet:editable", "true");
        }
    }

    // Declared hashes (sha256:hex); only those the schema's hash-content pattern accepts.
    private static void WriteHashes(Utf8JsonWriter json, IReadOnlyList<string> hashes)
    {
        var written = false;
        foreach (var hash in hashes)
        {
            var colon = hash.IndexOf(':');
            var (alg, length) = colon < 0 ? ("", 0) : hash[..colon].ToLowerInvariant() switch
            {
                "sha256" => ("SHA-256", 64),
                "sha384" => ("SHA-384", 96),
                "sha512" => ("SHA-512", 128),
                _ => ("", 0),
            };
            var content = colon < 0 ? "" : hash[(colon + 1)..];
            if (length == 0 || content.Length != length || !content.All(char.IsAsciiHexDigit))
            {
                continue;
            }

            if (!written)
            {
                json.WriteStartArray("hashes");
                written = true;
            }

            json.WriteStartObject();
            json.WriteString("alg", alg);
            json.WriteString("content", content.ToLowerInvariant());
            json.WriteEndObject();
        }

        if (written)
        {
            json.WriteEndArray();
        }
    }

    public static void WriteProperties(Utf8JsonWriter json, IEnumerable<(string Name, string Value)> properties)
    {
        var list = properties.ToList();
        if (list.Count == 0)
        {
            return;
        }

        json.WriteStartArray("properties");
        foreach (var (name, value) in list)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The subject depends on each environment (and the OS), each environment on its packages.</summary>
    public static void WriteDependencies(Utf8JsonWriter json, BomPlan plan)
    {
        json.WriteStartArray("dependencies");
        WriteDependency(json, BomPlan.SubjectRef, plan.Environments.Select(e => e.Ref).Concat(plan.OperatingSystems.Select(o => o.Ref)));
        foreach (var environment in plan.Environments)
        {
            WriteDependency(json, environment.Ref, environment.Packages.Select(p => p.Ref));
        }

        json.WriteEndArray();
    }

    private static void WriteDependency(Utf8JsonWriter json, string @ref, IEnumerable<string> dependsOn)
    {
        json.WriteStartObject();
        json.WriteString("ref", @ref);
        json.WriteStartArray("dependsOn");
        foreach (var item in dependsOn.Distinct(StringComparer.Ordinal))
        {
            json.WriteStringValue(item);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
