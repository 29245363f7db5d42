using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// The default human output: one table per environment with findings, a line per input saying whether it was
/// checked (with counts) or not (and why), then a one-line summary. Warnings go to stderr.
/// </summary>
internal sealed class AuditTableWriter(IAnsiConsole console, TextWriter stderr) : IAuditSink
{
    private AuditInventoryHeader? _inventory;
    private int _environments;
    private int _packages;
    private readonly List<string> _environmentErrors = [];

    public void BeginInventory(AuditInventoryHeader inventory)
    {
        (_inventory, _environments, _packages) = (inventory, 0, 0);
        _environmentErrors.Clear();
    }

    public void Write(EnvironmentAudit environment, PythonEnvironment inventory)
    {
        _environments++;
        _packages += environment.PackagesChecked;
        _environmentErrors.AddRange(environment.Errors.Select(e => e.ToString()));
        if (!environment.Packages.Any(p => p.Vulnerabilities.Count > 0))
        {
            return;
        }

        var table = new Table().Title(Markup.Escape($"{_inventory?.Host.Name}: {environment.Path} ({environment.Kind})")).AddColumns("Package", "Version", "Vulnerability", "Severity", "Fixed in", "Minimal fix", "Judged by");
        foreach (var package in environment.Packages.Where(p => p.Vulnerabilities.Count > 0))
        {
            foreach (var finding in package.Vulnerabilities)
            {
                var severity = SeverityNames.Of(finding.Severity.Rating) + (finding.Severity.Score is { } s ? $" {s:0.0}" : "");
                table.AddRow(Markup.Escape(package.Name), Markup.Escape(package.Version), Markup.Escape(finding.Id), severity,
                    Markup.Escape(string.Join(", ", finding.FixedIn)), Markup.Escape(package.MinimalFix ?? "none known"),
                    Markup.Escape(package.OsPackage is null ? finding.Source : $"{finding.Source} ({package.OsPackage})"));
            }
        }

        console.Write(table);
    }

    public void EndInventory(AuditInventoryOutcome outcome)
    {
        foreach (var warning in outcome.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        var path = _inventory?.Path ?? "";
        var errors = outcome.Errors.Select(e => e.ToString()).Concat(_environmentErrors).ToList();
        if (errors.Count == 0)
        {
            console.MarkupLine($"[green]checked[/]: {Markup.Escape(path)} ({Plural.Of(_environments, "environment")}, {Plural.Of(_packages, "package")})");
            return;
        }

        console.MarkupLine($"[red]not checked[/]: {Markup.Escape(path)}" + (_environments > 0 ? $" (partly: {Plural.Of(_environments, "environment")}, {Plural.Of(_packages, "package")} read)" : ""));
        foreach (var error in errors)
        {
            console.MarkupLine($"  [red]error[/]: {Markup.Escape(error)}");
        }
    }

    public void End(AuditSummary summary)
    {
        var suppressed = summary.Suppressed > 0 ? $" ({summary.Suppressed} suppressed)" : "";
        var notChecked = summary.NotChecked > 0 ? $" {Plural.Of(summary.NotChecked, "input")} could not be checked." : "";
        console.WriteLine((summary.Findings == 0
            ? $"No known vulnerabilities in {Plural.Of(summary.Environments, "environment")}{suppressed}."
            : $"{Plural.Of(summary.Findings, "vulnerability", "vulnerabilities")} in {Plural.Of(summary.VulnerablePackages, "package")} across {Plural.Of(summary.Environments, "environment")}{suppressed}.") + notChecked);
    }

    public void Dispose()
    {
    }
}
