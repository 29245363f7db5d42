using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting.CycloneDx;
using Pyfleet.Core.Reporting.Html;
using Pyfleet.Core.Reporting.Json;
using Pyfleet.Core.Reporting.Markdown;
using Pyfleet.Core.Reporting.Sarif;

namespace Pyfleet.Core.Reporting;

/// <summary>
/// Every built-in output format, in help order. To add one: write it in <c>Reporting/&lt;Format&gt;/</c> as an
/// <see cref="IReportWriter{TReport}"/> (a finished report: <c>InventoryDocument</c>, <c>OutdatedResult</c>,
/// <c>LintReport</c>, snapshot listings) or an <see cref="IAuditReportWriter"/> (an audit, streamed), and add one
/// line here; <c>--format NAME</c> then offers it in every host. Console tables stay in the CLI.
/// </summary>
public static class ReportFormats
{
    public static ReportRegistry CreateDefault() => new ReportRegistry()
        .Add(new AuditJsonWriter())
        .Add(new DocumentAuditWriter("cyclonedx", "CycloneDX 1.6 BOM with the vulnerabilities (VEX)", CycloneDxAuditWriter.Write))
        .Add(new DocumentAuditWriter("sarif", "SARIF 2.1.0 (code scanning)", SarifAuditWriter.Write))
        .Add(new DocumentAuditWriter("html", "one self-contained HTML page (nothing loaded from elsewhere)", HtmlAuditWriter.Write))
        .Add(new DocumentAuditWriter("markdown", "Markdown for pull-request comments", MarkdownAuditWriter.Write))
        .Add(new InventoryJsonWriter())
        .Add(new SnapshotListJsonWriter())
        .Add(new OutdatedJsonWriter())
        .Add(new DelegateReportWriter<OutdatedResult>("cyclonedx", "CycloneDX 1.6 inventory BOM with upgrade and EOL properties",
            (result, output, options) => CycloneDxOutdatedWriter.Write(result, output, options.GeneratedAt ?? DateTimeOffset.UtcNow, options.ToolVersion, result.Host)))
        .Add(new DelegateReportWriter<OutdatedResult>("sarif", "SARIF 2.1.0 (code scanning)",
            (result, output, options) => SarifOutdatedWriter.Write(result, output, options.SourceRoot, options.ToolVersion)))
        .Add(new DelegateReportWriter<OutdatedResult>("html", "one self-contained HTML page (nothing loaded from elsewhere)",
            (result, output, options) => HtmlOutdatedWriter.Write(result, output, options.GeneratedAt ?? DateTimeOffset.UtcNow, options.ToolVersion, result.Host?.Name)))
        .Add(new DelegateReportWriter<OutdatedResult>("markdown", "Markdown for pull-request comments",
            (result, output, options) => MarkdownOutdatedWriter.Write(result, output, options.ToolVersion)))
        .Add(new LintJsonWriter())
        .Add(new SarifLintWriter());
}
