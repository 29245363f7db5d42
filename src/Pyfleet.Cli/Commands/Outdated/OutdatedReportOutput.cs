using Pyfleet.Cli.Commands.Audit;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting.CycloneDx;
using Pyfleet.Core.Reporting.Html;
using Pyfleet.Core.Reporting.Markdown;
using Pyfleet.Core.Reporting.Sarif;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary><c>outdated --format cyclonedx|sarif|html|markdown</c>: the Core writer of the format, on stdout.</summary>
internal static class OutdatedReportOutput
{
    public static readonly string[] Formats = ["cyclonedx", "sarif", "html", "markdown"];

    public static void Write(CliContext context, string format, OutdatedResult result, HostInfo host, Func<OutdatedPackage, bool> include)
    {
        var filtered = result with { Environments = [.. result.Environments.Select(e => e with { Packages = [.. e.Packages.Where(include)] })] };
        using var buffer = new MemoryStream();
        switch (format)
        {
            case "cyclonedx":
                CycloneDxOutdatedWriter.Write(filtered, buffer, context.Clock.GetUtcNow(), AuditReportOutput.ToolVersion, host);
                break;
            case "sarif":
                SarifOutdatedWriter.Write(filtered, buffer, context.CurrentDirectory, AuditReportOutput.ToolVersion);
                break;
            case "html":
                HtmlOutdatedWriter.Write(filtered, buffer, context.Clock.GetUtcNow(), AuditReportOutput.ToolVersion, host.Name);
                break;
            case "markdown":
                MarkdownOutdatedWriter.Write(filtered, buffer, AuditReportOutput.ToolVersion);
                break;
            default:
                throw new InvalidOperationException($"no writer for --format {format}");
        }

        context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
