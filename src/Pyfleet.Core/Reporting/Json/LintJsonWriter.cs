using System.Text.Json;
using Pyfleet.Core.Policy;

namespace Pyfleet.Core.Reporting.Json;

/// <summary>
/// <c>pyfleet lint --format json</c>:
/// <c>{"files":[…],"findings":[{"ruleId","rule","severity","path","line","message"}],"summary":{"errors","warnings","notes"}}</c>.
/// </summary>
public sealed class LintJsonWriter : IReportWriter<LintReport>
{
    public string Name => "json";

    public string Description => "the lint findings as JSON";

    public async Task WriteAsync(LintReport report, Stream output, ReportOptions options, CancellationToken cancellationToken = default)
    {
        await using (var json = new Utf8JsonWriter(output, JsonWriters.Options(options.Indented)))
        {
            Write(json, report);
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    private static void Write(Utf8JsonWriter json, LintReport report)
    {
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (var file in report.Files)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Rule.Id);
            json.WriteString("rule", finding.Rule.Name);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("path", finding.Path);
            if (finding.Line is { } line)
            {
                json.WriteNumber("line", line);
            }
            else
            {
                json.WriteNull("line");
            }

            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("errors", report.Count(LintSeverity.Error));
        json.WriteNumber("warnings", report.Count(LintSeverity.Warning));
        json.WriteNumber("notes", report.Count(LintSeverity.Note));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
