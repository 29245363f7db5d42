using Pyfleet.Core.Auditing;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>The default human output: one table per environment with findings, then a one-line summary.</summary>
internal sealed class AuditTableWriter(IAnsiConsole console) : IAuditOutput
{
    private string _host = "";

    public void BeginInventory(string path, string host) => _host = host;

    public void Write(EnvironmentAudit environment)
    {
        if (!environment.Packages.Any(p => p.Vulnerabilities.Count > 0))
        {
            return;
        }

        var table = new Table().Title(Markup.Escape($"{_host}: {environment.Path} ({environment.Kind})")).AddColumns("Package", "Version", "Vulnerability", "Severity", "Fixed in", "Minimal fix", "Judged by");
        foreach (var package in environment.Packages.Where(p => p.Vulnerabilities.Count > 0))
        {
            foreach (var finding in package.Vulnerabilities)
            {
                var severity = AuditFormatting.Rating(finding.Severity.Rating) + (finding.Severity.Score is { } s ? $" {s:0.0}" : "");
                table.AddRow(Markup.Escape(package.Name), Markup.Escape(package.Version), Markup.Escape(finding.Id), severity,
                    Markup.Escape(string.Join(", ", finding.FixedIn)), Markup.Escape(package.MinimalFix ?? "none known"),
                    Markup.Escape(package.OsPackage is null ? finding.Source : $"{finding.Source} ({package.OsPackage})"));
            }
        }

        console.Write(table);
    }

    public void EndInventory(IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
    }

    public void End(AuditSummary summary)
    {
        var suppressed = summary.Suppressed;
        console.WriteLine(summary.Findings == 0
            ? $"No known vulnerabilities in {summary.Environments} environment(s){(suppressed > 0 ? $" ({suppressed} suppressed)" : "")}."
            : $"{summary.Findings} vulnerabilities in {summary.VulnerablePackages} package(s) across {summary.Environments} environment(s){(suppressed > 0 ? $", {suppressed} suppressed" : "")}.");
    }

    public void Dispose()
    {
    }
}
