using System.Buffers;
using System.Text.Json;
using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Collections;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Reporting.Json.Internal;

/// <summary>
/// The <c>audit --format json</c> document (schemaVersion 1): per inventory and environment, the vulnerable
/// packages with <c>vulnerabilities[{id, aliases, summary, severity, score, fixedIn, source}]</c> and
/// <c>minimalFix</c>; suppressed findings are listed apart with their reason.
/// </summary>
internal sealed class AuditJsonSink : IAuditSink
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;

    // Fleets repeat the same findings hundreds of thousands of times and the auditor shares the finding objects:
    // each one's JSON is made once here and copied for every occurrence (compact output only, where the raw bytes
    // are exactly what writing it again would produce).
    private readonly FindingBytes? _written;

    /// <summary>Starts the document on <paramref name="stream"/>: indented or compact as <paramref name="indented"/> says.</summary>
    public AuditJsonSink(Stream stream, AuditRunHeader header, bool indented)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(_stream, Options(indented));
        _written = indented ? null : new FindingBytes();
        _json.WriteStartObject();
        _json.WriteNumber("schemaVersion", 1);
        _json.WriteString("asOf", header.AsOf.ToString("O"));
        _json.WriteStartArray("database");
        foreach (var source in header.Sources)
        {
            _json.WriteStartObject();
            _json.WriteString("source", source.Location);
            _json.WriteString("syncedAt", source.SyncedAt.ToString("O"));
            _json.WriteNumber("records", source.RecordCount);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteStartArray("inventories");
    }

    public void BeginInventory(AuditInventoryHeader inventory)
    {
        _json.WriteStartObject();
        _json.WriteString("path", inventory.Path);
        _json.WriteString("host", inventory.Host.Name);
        _json.WriteStartArray("environments");
    }

    public void Write(EnvironmentAudit environment, PythonEnvironment inventory)
    {
        WriteEnvironment(_json, environment, _written);
        if (_json.BytesPending > FlushThreshold)
        {
            _json.Flush();
        }
    }

    public void EndInventory(AuditInventoryOutcome outcome)
    {
        _json.WriteEndArray();
        WriteStrings(_json, "warnings", outcome.Warnings);
        WriteErrors(_json, outcome.Errors);
        _json.WriteBoolean("checked", !outcome.NotChecked);
        _json.WriteEndObject();
    }

    public void End(AuditSummary summary)
    {
        _json.WriteEndArray();
        WriteSummary(_json, summary);
        _json.WriteEndObject();
        _json.Flush();
        _stream.Write("\n"u8);
        _stream.Flush();
    }

    public void Dispose() => _json.Dispose();

    // Utf8JsonWriter over a Stream buffers everything until Flush: keep that buffer small.
    private const int FlushThreshold = 256 * 1024;

    private static JsonWriterOptions Options(bool indented) =>
        new() { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WriteEnvironment(Utf8JsonWriter json, EnvironmentAudit environment, FindingBytes? written)
    {
        json.WriteStartObject();
        json.WriteString(Names.Path, environment.Path);
        json.WriteString(Names.Kind, environment.Kind);
        WriteStrings(json, "labels", environment.Labels);
        json.WriteNumber(Names.PackagesChecked, environment.PackagesChecked);
        json.WriteNumber(Names.ExcludedByMarker, environment.PackagesExcludedByMarker);
        json.WriteStartArray(Names.Packages);
        foreach (var package in ReadOnlyListSpan.Of(environment.Packages))
        {
            json.WriteStartObject();
            json.WriteString(Names.Name, package.Name);
            json.WriteString(Names.Version, package.Version);
            json.WriteString(Names.Location, package.Location);
            json.WriteString(Names.Source, package.Source);
            json.WriteString(Names.OsPackage, package.OsPackage);
            if (written is null)
            {
                json.WritePropertyName(Names.Vulnerabilities);
                WriteFindings(json, package.Vulnerabilities);
            }
            else
            {
                json.WriteStartArray(Names.Vulnerabilities);
                foreach (var finding in ReadOnlyListSpan.Of(package.Vulnerabilities))
                {
                    json.WriteRawValue(written.Finding(finding), skipInputValidation: true);
                }

                json.WriteEndArray();
            }

            json.WriteStartArray(Names.Suppressed);
            foreach (var suppressed in package.Suppressed)
            {
                json.WriteStartObject();
                json.WriteString(Names.Id, suppressed.Finding.Id);
                json.WriteString(Names.Reason, suppressed.Suppression.Reason);
                json.WriteString(Names.Expires, suppressed.Suppression.Expires?.ToString("yyyy-MM-dd"));
                json.WriteString(Names.Origin, suppressed.Suppression.Origin);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString(Names.MinimalFix, package.MinimalFix);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray(Names.Skipped);
        foreach (var skipped in environment.Skipped)
        {
            json.WriteStartObject();
            json.WriteString(Names.Name, skipped.Name);
            json.WriteString(Names.Reason, skipped.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteErrors(json, environment.Errors);
        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<InputError> errors)
    {
        json.WriteStartArray(Names.Errors);
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString(Names.Path, error.Path);
            if (error.Line is { } line)
            {
                json.WriteNumber(Names.Line, line);
            }
            else
            {
                json.WriteNull(Names.Line);
            }

            json.WriteString(Names.Message, error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Compact JSON of each finding, made once: the auditor shares finding objects across versions and
    /// environments, so each is encoded once and copied for every occurrence.
    /// </summary>
    private sealed class FindingBytes
    {
        private readonly Dictionary<VulnerabilityFinding, byte[]> _findings = new(ReferenceEqualityComparer.Instance);
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public byte[] Finding(VulnerabilityFinding finding)
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
        json.WriteString("severity", SeverityNames.Of(finding.Severity.Rating));
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

    private static void WriteSummary(Utf8JsonWriter json, AuditSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("environments", summary.Environments);
        json.WriteNumber("vulnerablePackages", summary.VulnerablePackages);
        json.WriteNumber("findings", summary.Findings);
        json.WriteNumber("suppressed", summary.Suppressed);
        json.WriteNumber("notChecked", summary.NotChecked);
        json.WriteStartObject("bySeverity");
        foreach (var (rating, count) in summary.BySeverity)
        {
            json.WriteNumber(SeverityNames.Of(rating), count);
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

    /// <summary>Property names written once per package, encoded once per process.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Errors = JsonEncodedText.Encode("errors");
        public static readonly JsonEncodedText ExcludedByMarker = JsonEncodedText.Encode("excludedByMarker");
        public static readonly JsonEncodedText Expires = JsonEncodedText.Encode("expires");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText MinimalFix = JsonEncodedText.Encode("minimalFix");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
        public static readonly JsonEncodedText OsPackage = JsonEncodedText.Encode("osPackage");
        public static readonly JsonEncodedText Packages = JsonEncodedText.Encode("packages");
        public static readonly JsonEncodedText PackagesChecked = JsonEncodedText.Encode("packagesChecked");
        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Skipped = JsonEncodedText.Encode("skipped");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Suppressed = JsonEncodedText.Encode("suppressed");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Vulnerabilities = JsonEncodedText.Encode("vulnerabilities");
    }
}
