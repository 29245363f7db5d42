using System.Text.Json;
using Pyfleet.Core.Policy;

namespace Pyfleet.Core.Reporting.Sarif;

/// <summary>
/// Writes a <see cref="LintReport"/> as SARIF 2.1.0 (FORMATS.md §10.1,
/// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one run, every rule in <c>tool.driver.rules</c>,
/// one result per finding with a physical location relative to <c>%SRCROOT%</c> when the file is under it.
/// </summary>
public sealed class SarifLintWriter : IReportWriter<LintReport>
{
    public const string SchemaUri = Internal.SarifParts.SchemaUri;

    public string Name => "sarif";

    public string Description => "SARIF 2.1.0 (code scanning)";

    public async Task WriteAsync(LintReport report, Stream output, ReportOptions options, CancellationToken cancellationToken = default)
    {
        Write(report, output, options.SourceRoot ?? Environment.CurrentDirectory, options.ToolVersion);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    /// <param name="report">The findings.</param>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="sourceRoot">Paths under this folder are written relative to it (<c>%SRCROOT%</c>).</param>
    /// <param name="toolVersion">Pyfleet's version.</param>
    public static void Write(LintReport report, Stream output, string sourceRoot, string toolVersion)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, toolVersion);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("%SRCROOT%");
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot)) + "/").AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(json, finding, sourceRoot);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, string toolVersion)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "pyfleet");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", "https://github.com/pyfleet/pyfleet");
        json.WriteStartArray("rules");
        foreach (var rule in LintRules.All)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, LintFinding finding, string sourceRoot)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteNumber("ruleIndex", LintRules.All.ToList().IndexOf(finding.Rule));
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relative) = ArtifactUri(finding.Path, sourceRoot);
        json.WriteString("uri", uri);
        if (relative)
        {
            json.WriteString("uriBaseId", "%SRCROOT%");
        }

        json.WriteEndObject();
        if (finding.Line is { } line && line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString("pyfleetLint/v1", $"{finding.Rule.Id}|{ArtifactUri(finding.Path, sourceRoot).Uri}|{finding.Message}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Relative to %SRCROOT% when under it, else a file: URI (shared with the audit and outdated writers).
    private static (string Uri, bool Relative) ArtifactUri(string path, string sourceRoot) => Internal.SarifParts.ArtifactUri(path, sourceRoot);

    private static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "note",
    };
}
