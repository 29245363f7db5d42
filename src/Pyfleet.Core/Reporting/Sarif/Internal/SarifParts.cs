using System.Globalization;
using System.Text.Json;
using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Reporting.Sarif.Internal;

/// <summary>What every Pyfleet SARIF log shares: the envelope, <c>%SRCROOT%</c>, artifact URIs and locations.</summary>
internal static class SarifParts
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Opens the log and its one run, up to and including <c>tool.driver</c>'s name/version (rules follow).</summary>
    public static void BeginRun(Utf8JsonWriter json, string toolVersion)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "pyfleet");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", "https://github.com/pyfleet/pyfleet");
    }

    /// <summary>Closes the driver and tool, and writes <c>originalUriBaseIds</c> when there is a source root.</summary>
    public static void EndTool(Utf8JsonWriter json, string? sourceRoot)
    {
        json.WriteEndObject();
        json.WriteEndObject();
        if (sourceRoot is not null)
        {
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject("%SRCROOT%");
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot)) + "/").AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
        }
    }

    public static void EndRun(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A relative URI reference with forward slashes and percent-encoding when under the source root; else a
    /// <c>file:</c> URI.
    /// </summary>
    public static (string Uri, bool Relative) ArtifactUri(string path, string? sourceRoot)
    {
        var full = Path.GetFullPath(path);
        if (sourceRoot is not null)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(sourceRoot), full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative) && relative != ".")
            {
                return (string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)), true);
            }
        }

        return (new Uri(full).AbsoluteUri, false);
    }

    /// <summary>Splits <c>file:line</c> (a declared package's origin).</summary>
    public static (string Path, int? Line) Origin(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && int.TryParse(origin.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line > 0
            ? (origin[..colon], line)
            : (origin, null);
    }

    /// <summary>One physical location (file, optional 1-based line).</summary>
    public static void WriteLocation(Utf8JsonWriter json, string path, int? line, string? sourceRoot)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(path, sourceRoot);
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", "%SRCROOT%");
        }

        json.WriteEndObject();
        if (line is { } l && l > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", l);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The level code-review tools show: error for high and critical, note for low, warning otherwise.</summary>
    public static string Level(SeverityRating rating) => rating switch
    {
        SeverityRating.Critical or SeverityRating.High => "error",
        SeverityRating.Low or SeverityRating.None => "note",
        _ => "warning",
    };

    /// <summary>GitHub's <c>security-severity</c> (0.0–10.0 as text): the score, else the middle of the rating's band.</summary>
    public static string? SecuritySeverity(CvssScore severity) =>
        severity.Score is { } score ? score.ToString("0.0", CultureInfo.InvariantCulture)
        : severity.Rating switch
        {
            SeverityRating.Critical => "9.5",
            SeverityRating.High => "8.0",
            SeverityRating.Medium => "5.5",
            SeverityRating.Low => "2.0",
            SeverityRating.None => "0.0",
            _ => null,
        };

    public static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
