using System.Text.Json;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Auditing;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// The <c>audit --format json</c> document (schemaVersion 1): per inventory and environment, the vulnerable
/// packages with <c>vulnerabilities[{id, aliases, summary, severity, score, fixedIn, source}]</c> and
/// <c>minimalFix</c>; suppressed findings are listed apart with their reason.
/// </summary>
internal static class AuditJsonWriter
{
    /// <summary>
    /// Writes the document to <paramref name="writer"/>: indented on a terminal, compact otherwise (a fleet report
    /// runs to hundreds of MB indented). Bytes go straight to the underlying stream when there is one.
    /// </summary>
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<(string Path, AuditReport Report)> reports, DateTimeOffset asOf,
        IReadOnlyList<AdvisorySourceState> sources, bool indented, CancellationToken cancellationToken)
    {
        if (writer is StreamWriter { BaseStream: { CanWrite: true } stream })
        {
            await writer.FlushAsync(cancellationToken);
            Write(stream, reports, asOf, sources, indented);
            await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            return;
        }

        using var buffer = new MemoryStream();
        Write(buffer, reports, asOf, sources, indented);
        await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken);
    }

    public static void Write(Stream output, IReadOnlyList<(string Path, AuditReport Report)> reports, DateTimeOffset asOf, IReadOnlyList<AdvisorySourceState> sources, bool indented)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteString("asOf", asOf.ToString("O"));
        json.WriteStartArray("database");
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString("source", source.Location);
            json.WriteString("syncedAt", source.SyncedAt.ToString("O"));
            json.WriteNumber("records", source.RecordCount);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("inventories");
        foreach (var (path, report) in reports)
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteString("host", report.Host);
            json.WriteStartArray("environments");
            foreach (var environment in report.Environments)
            {
                WriteEnvironment(json, environment);
            }

            json.WriteEndArray();
            WriteStrings(json, "warnings", report.Warnings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteSummary(json, reports);
        json.WriteEndObject();
    }

    private static void WriteEnvironment(Utf8JsonWriter json, EnvironmentAudit environment)
    {
        json.WriteStartObject();
        json.WriteString("path", environment.Path);
        json.WriteString("kind", environment.Kind);
        WriteStrings(json, "labels", environment.Labels);
        json.WriteNumber("packagesChecked", environment.PackagesChecked);
        json.WriteNumber("excludedByMarker", environment.PackagesExcludedByMarker);
        json.WriteStartArray("packages");
        foreach (var package in environment.Packages)
        {
            json.WriteStartObject();
            json.WriteString("name", package.Name);
            json.WriteString("version", package.Version);
            json.WriteString("location", package.Location);
            json.WriteString("source", package.Source);
            json.WriteString("osPackage", package.OsPackage);
            json.WriteStartArray("vulnerabilities");
            foreach (var finding in package.Vulnerabilities)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();
            json.WriteStartArray("suppressed");
            foreach (var suppressed in package.Suppressed)
            {
                json.WriteStartObject();
                json.WriteString("id", suppressed.Finding.Id);
                json.WriteString("reason", suppressed.Suppression.Reason);
                json.WriteString("expires", suppressed.Suppression.Expires?.ToString("yyyy-MM-dd"));
                json.WriteString("origin", suppressed.Suppression.Origin);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("minimalFix", package.MinimalFix);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skipped in environment.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("name", skipped.Name);
            json.WriteString("reason", skipped.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, VulnerabilityFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        WriteStrings(json, "aliases", finding.Aliases);
        json.WriteString("summary", finding.Summary);
        json.WriteString("severity", AuditFormatting.Rating(finding.Severity.Rating));
        if (finding.Severity.Score is { } score)
        {
            json.WriteNumber("score", score);
        }
        else
        {
            json.WriteNull("score");
        }

        WriteStrings(json, "fixedIn", finding.FixedIn);
        json.WriteString("source", finding.Source);
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, IReadOnlyList<(string Path, AuditReport Report)> reports)
    {
        var findings = reports.SelectMany(r => r.Report.OpenFindings).ToList();
        json.WriteStartObject("summary");
        json.WriteNumber("environments", reports.Sum(r => r.Report.Environments.Count));
        json.WriteNumber("vulnerablePackages", findings.Select(f => (f.Environment.Path, f.Package.Name)).Distinct().Count());
        json.WriteNumber("findings", findings.Count);
        json.WriteNumber("suppressed", reports.Sum(r => r.Report.Environments.Sum(e => e.Packages.Sum(p => p.Suppressed.Count))));
        json.WriteStartObject("bySeverity");
        foreach (var group in findings.GroupBy(f => f.Finding.Severity.Rating).OrderByDescending(g => g.Key))
        {
            json.WriteNumber(AuditFormatting.Rating(group.Key), group.Count());
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
