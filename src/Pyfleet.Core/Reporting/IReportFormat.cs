namespace Pyfleet.Core.Reporting;

/// <summary>
/// An output format, found by <see cref="Name"/> in a <see cref="ReportRegistry"/> (<c>--format NAME</c>). A format
/// writes one kind of report: a whole document (<see cref="IReportWriter{TReport}"/>) or an audit as it streams
/// (<see cref="IAuditReportWriter"/>). Formats live in <c>Reporting/&lt;Format&gt;/</c> and are listed once in
/// <see cref="ReportFormats.CreateDefault"/>.
/// </summary>
public interface IReportFormat
{
    /// <summary>The name users pass to <c>--format</c> (lower case: <c>json</c>, <c>sarif</c>, <c>cyclonedx</c>).</summary>
    string Name { get; }

    /// <summary>One line for help texts.</summary>
    string Description { get; }
}
