namespace Pyfleet.Core.Reporting;

/// <summary>
/// A document format from a static writer method, so a format written as <c>Write(report, stream, …)</c> plugs into
/// the registry with one line: <c>new DelegateReportWriter&lt;OutdatedResult&gt;("sarif", "…", (r, s, o) => …)</c>.
/// </summary>
public sealed class DelegateReportWriter<TReport>(string name, string description, Action<TReport, Stream, ReportOptions> write) : IReportWriter<TReport>
{
    public string Name => name;

    public string Description => description;

    public Task WriteAsync(TReport report, Stream output, ReportOptions options, CancellationToken cancellationToken = default)
    {
        write(report, output, options);
        output.Write("\n"u8);
        return Task.CompletedTask;
    }
}
