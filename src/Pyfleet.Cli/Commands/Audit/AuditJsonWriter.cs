using System.Buffers;
using System.Text.Json;
using Pyfleet.Core.Advisories.Cvss;
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
        // The process console (a synchronised TextWriter) or a StreamWriter: write UTF-8 bytes to the stream
        // beneath, never through a string (a fleet report is ~100 MB).
        var stream = writer is StreamWriter { BaseStream.CanWrite: true } streamWriter ? streamWriter.BaseStream
            : ReferenceEquals(writer, System.Console.Out) ? System.Console.OpenStandardOutput()
            : null;
        if (stream is not null)
        {
            await writer.FlushAsync(cancellationToken);
            Write(stream, reports, asOf, sources, indented);
            stream.Write("\n"u8);
            await stream.FlushAsync(cancellationToken);
            return;
        }

        using var buffer = new MemoryStream();
        Write(buffer, reports, asOf, sources, indented);
        await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken);
    }

    public static void Write(Stream output, IReadOnlyList<(string Path, AuditReport Report)> reports, DateTimeOffset asOf, IReadOnlyList<AdvisorySourceState> sources, bool indented)
    {
        using var json = new Utf8JsonWriter(output, Options(indented));
        // Fleets repeat the same (name, version) thousands of times and the auditor shares one findings list per
        // verdict: its JSON is written once here and copied for every occurrence (compact output only, where
        // the raw bytes are exactly what writing it again would produce).
        var written = indented ? null : new FindingBytes();
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
                WriteEnvironment(json, environment, written);
                if (json.BytesPending > FlushThreshold)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();
            WriteStrings(json, "warnings", report.Warnings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteSummary(json, reports);
        json.WriteEndObject();
    }

    // Utf8JsonWriter over a Stream buffers everything until Flush: keep that buffer small.
    private const int FlushThreshold = 256 * 1024;

    private static JsonWriterOptions Options(bool indented) =>
        new() { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteEnvironment(Utf8JsonWriter json, EnvironmentAudit environment, FindingBytes? written)
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
            json.WritePropertyName("vulnerabilities");
            if (written is null)
            {
                WriteFindings(json, package.Vulnerabilities);
            }
            else
            {
                if (!written.Lists.TryGetValue(package.Vulnerabilities, out var bytes))
                {
                    written.Lists[package.Vulnerabilities] = bytes = written.Array(package.Vulnerabilities);
                }

                json.WriteRawValue(bytes, skipInputValidation: true);
            }

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

    /// <summary>
    /// Compact JSON of each finding and each findings list, made once: the auditor shares finding objects across
    /// versions and one list per verdict across every occurrence of a (name, version).
    /// </summary>
    private sealed class FindingBytes
    {
        private readonly Dictionary<VulnerabilityFinding, byte[]> _findings = new(ReferenceEqualityComparer.Instance);
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public Dictionary<IReadOnlyList<VulnerabilityFinding>, byte[]> Lists { get; } = new(ReferenceEqualityComparer.Instance);

        public byte[] Array(IReadOnlyList<VulnerabilityFinding> findings)
        {
            var output = new ArrayBufferWriter<byte>();
            output.Write("["u8);
            for (var i = 0; i < findings.Count; i++)
            {
                if (i > 0)
                {
                    output.Write(","u8);
                }

                output.Write(Finding(findings[i]));
            }

            output.Write("]"u8);
            return output.WrittenSpan.ToArray();
        }

        private byte[] Finding(VulnerabilityFinding finding)
        {
            if (!_findings.TryGetValue(finding, out var bytes))
            {
                _buffer.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(_buffer, Options(indented: false)))
                {
                    WriteFinding(json, finding);
                }

                _findings[finding] = bytes = _buffer.WrittenSpan.ToArray();
            }

            return bytes;
        }
    }

    private static void WriteFindings(Utf8JsonWriter json, IReadOnlyList<VulnerabilityFinding> findings)
    {
        json.WriteStartArray();
        foreach (var finding in findings)
        {
            WriteFinding(json, finding);
        }

        json.WriteEndArray();
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
        // One pass over packages (not a tuple per finding): a fleet report has hundreds of thousands of findings.
        var vulnerable = new HashSet<(string, string)>();
        var bySeverity = new SortedDictionary<SeverityRating, int>(Comparer<SeverityRating>.Create((a, b) => b.CompareTo(a)));
        int environments = 0, findings = 0, suppressed = 0;
        foreach (var environment in reports.SelectMany(r => r.Report.Environments))
        {
            environments++;
            foreach (var package in environment.Packages)
            {
                suppressed += package.Suppressed.Count;
                if (package.Vulnerabilities.Count == 0)
                {
                    continue;
                }

                vulnerable.Add((environment.Path, package.Name));
                findings += package.Vulnerabilities.Count;
                foreach (var finding in package.Vulnerabilities)
                {
                    bySeverity[finding.Severity.Rating] = bySeverity.GetValueOrDefault(finding.Severity.Rating) + 1;
                }
            }
        }

        json.WriteStartObject("summary");
        json.WriteNumber("environments", environments);
        json.WriteNumber("vulnerablePackages", vulnerable.Count);
        json.WriteNumber("findings", findings);
        json.WriteNumber("suppressed", suppressed);
        json.WriteStartObject("bySeverity");
        foreach (var (rating, count) in bySeverity)
        {
            json.WriteNumber(AuditFormatting.Rating(rating), count);
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
