using Pyfleet.Core.Auditing;
using Pyfleet.Core.Reporting.Json.Internal;

namespace Pyfleet.Core.Reporting.Json;

/// <summary>
/// <c>audit --format json</c> (schemaVersion 1): per inventory and environment the vulnerable packages with
/// <c>vulnerabilities[{id, aliases, summary, severity, score, fixedIn, source}]</c>, <c>minimalFix</c>, suppressed
/// findings with their reason, and <c>errors[{path, line, message}]</c> for what could not be checked. Streamed: each
/// environment is written as it is audited.
/// </summary>
public sealed class AuditJsonWriter : IAuditReportWriter
{
    public string Name => "json";

    public string Description => "the audit JSON document (schemaVersion 1)";

    public IAuditSink Open(Stream output, AuditRunHeader header, ReportOptions options) => new AuditJsonSink(output, header, options.Indented);
}
