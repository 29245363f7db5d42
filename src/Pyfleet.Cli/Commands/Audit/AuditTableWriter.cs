using Pyfleet.Core.Auditing;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>The default human output: one table per environment with findings, then a one-line summary.</summary>
internal static class AuditTableWriter
{
    public static void Write(IAnsiConsole console, IReadOnlyList<(string Path, AuditReport Report)> reports)
    {
        var findings = 0;
        var packages = 0;
        foreach (var (_, report) in reports)
        {
            foreach (var environment in report.Environments.Where(e => e.Packages.Any(p => p.Vulnerabilities.Count > 0)))
            {
                var table = new Table().Title(Markup.Escape($"{report.Host}: {environment.Path} ({environment.Kind})")).AddColumns("Package", "Version", "Vulnerability", "Severity", "Fixed in", "Minimal fix", "Judged by");
                foreach (var package in environment.Packages.Where(p => p.Vulnerabilities.Count > 0))
                {
                    packages++;
                    foreach (var finding in package.Vulnerabilities)
                    {
                        findings++;
                        var severity = AuditFormatting.Rating(finding.Severity.Rating) + (finding.Severity.Score is { } s ? $" {s:0.0}" : "");
                        table.AddRow(Markup.Escape(package.Name), Markup.Escape(package.Version), Markup.Escape(finding.Id), severity,
                            Markup.Escape(string.Join(", ", finding.FixedIn)), Markup.Escape(package.MinimalFix ?? "none known"),
                            Markup.Escape(package.OsPackage is null ? finding.Source : $"{finding.Source} ({package.OsPackage})"));
                    }
                }

                console.Write(table);
            }

            foreach (var warning in report.Warnings)
            {
                console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
            }
        }

        var environments = reports.Sum(r => r.Report.Environments.Count);
        var suppressed = reports.Sum(r => r.Report.Environments.Sum(e => e.Packages.Sum(p => p.Suppressed.Count)));
        console.WriteLine(findings == 0
            ? $"No known vulnerabilities in {environments} environment(s){(suppressed > 0 ? $" ({suppressed} suppressed)" : "")}."
            : $"{findings} vulnerabilities in {packages} package(s) across {environments} environment(s){(suppressed > 0 ? $", {suppressed} suppressed" : "")}.");
    }
}
