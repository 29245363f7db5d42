using Pyfleet.Core.Auditing;

namespace Pyfleet.Core.Reporting;

/// <summary>
/// An audit format: opens an <see cref="IAuditSink"/> on a stream, which is handed the audit one environment at a
/// time (a fleet audit never exists whole in memory). A format that needs the whole report first (HTML) keeps what it
/// needs in its sink and writes it in <see cref="IAuditSink.End"/>.
/// </summary>
public interface IAuditReportWriter : IReportFormat
{
    /// <summary>Starts the report on <paramref name="output"/> (not closed by the sink).</summary>
    IAuditSink Open(Stream output, AuditRunHeader header, ReportOptions options);
}
