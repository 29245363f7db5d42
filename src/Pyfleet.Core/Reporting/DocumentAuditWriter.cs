using Pyfleet.Core.Auditing;
using Pyfleet.Core.Reporting.Internal;

namespace Pyfleet.Core.Reporting;

/// <summary>
/// An audit format that needs the whole audit at once (CycloneDX, SARIF, HTML, Markdown): its sink collects an
/// <see cref="AuditDocument"/> and hands it to <c>write</c> at the end. Register one per format in
/// <see cref="ReportFormats.CreateDefault"/>: <c>new DocumentAuditWriter("sarif", "…", SarifAuditWriter.Write)</c>.
/// </summary>
public sealed class DocumentAuditWriter(string name, string description, Action<AuditDocument, Stream> write) : IAuditReportWriter
{
    public string Name => name;

    public string Description => description;

    public IAuditSink Open(Stream output, AuditRunHeader header, ReportOptions options) => new AuditDocumentSink(output, header, options, write);
}
