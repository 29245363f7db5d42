namespace Pyfleet.Core.Reporting;

/// <summary>
/// Writes a finished <typeparamref name="TReport"/> (an inventory, an outdated result, a lint report…) as UTF-8 to a
/// stream. Writers never close <c>output</c> and never write to a console.
/// </summary>
/// <typeparam name="TReport">The report this format writes.</typeparam>
public interface IReportWriter<in TReport> : IReportFormat
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>, ending with a newline.</summary>
    Task WriteAsync(TReport report, Stream output, ReportOptions options, CancellationToken cancellationToken = default);
}
