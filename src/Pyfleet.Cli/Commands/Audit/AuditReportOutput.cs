using System.Reflection;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Reporting;
using Pyfleet.Core.Reporting.CycloneDx;
using Pyfleet.Core.Reporting.Html;
using Pyfleet.Core.Reporting.Markdown;
using Pyfleet.Core.Reporting.Sarif;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// <c>audit --format cyclonedx|sarif|html|markdown</c>: collects the audit (these documents need all of it at
/// once) and hands it to the Core writer of the format at the end.
/// </summary>
internal sealed class AuditReportOutput(CliContext context, string format, DateTimeOffset asOf) : IAuditOutput
{
    /// <summary>The whole-document formats this output writes.</summary>
    public static readonly string[] Formats = ["cyclonedx", "sarif", "html", "markdown"];

    private readonly List<AuditedInventory> _inventories = [];
    private List<AuditedEnvironment> _environments = [];
    private (string Path, HostInfo Host) _current;

    public static string ToolVersion =>
        typeof(AuditReportOutput).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public void BeginInventory(string path, HostInfo host)
    {
        _current = (path, host);
        _environments = [];
    }

    public void BeginInventory(string path, string host) => BeginInventory(path, new HostInfo { Name = host });

    public void Write(EnvironmentAudit environment) => _environments.Add(new AuditedEnvironment(environment));

    public void Write(EnvironmentAudit environment, PythonEnvironment inventory) => _environments.Add(new AuditedEnvironment(environment, inventory));

    public void EndInventory(IReadOnlyList<string> warnings) => _inventories.Add(new AuditedInventory(_current.Path, _current.Host, _environments, warnings));

    public void End(AuditSummary summary)
    {
        var document = new AuditDocument
        {
            AsOf = asOf,
            Timestamp = context.Clock.GetUtcNow(),
            ToolVersion = ToolVersion,
            Inventories = _inventories,
            SourceRoot = context.CurrentDirectory,
        };
        using var buffer = new MemoryStream();
        switch (format)
        {
            case "cyclonedx":
                CycloneDxAuditWriter.Write(document, buffer);
                break;
            case "sarif":
                SarifAuditWriter.Write(document, buffer);
                break;
            case "html":
                HtmlAuditWriter.Write(document, buffer);
                break;
            case "markdown":
                MarkdownAuditWriter.Write(document, buffer);
                break;
            default:
                throw new InvalidOperationException($"no writer for --format {format}");
        }

        context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        context.Stdout.Flush();
    }

    public void Dispose()
    {
    }
}
