using System.Globalization;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Reporting;
using Pyfleet.Core.Storage;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Scan;

/// <summary>Renders a scan: a registry format (the JSON contract) raw on stdout, or one Spectre table per environment.</summary>
internal static class ScanOutput
{
    public static async Task WriteAsync(CliContext context, InventoryDocument document, string format, CancellationToken cancellationToken)
    {
        if (format != ReportOutput.Table)
        {
            // Streamed: a fleet-sized document never exists as one string. Indented for people, compact for pipes.
            await ReportOutput.WriteAsync(context, format, document, ReportOutput.Options(context), cancellationToken);
            return;
        }

        WriteTables(context.Console, document);
        foreach (var warning in document.Warnings)
        {
            await context.Stderr.WriteLineAsync($"warning: {warning.Path}: {warning.Message}");
        }

        foreach (var error in document.Errors.Concat(document.Environments.SelectMany(e => e.Errors)))
        {
            await context.Stderr.WriteLineAsync($"error: {error}");
        }
    }

    public static async Task WriteSnapshotListAsync(CliContext context, IReadOnlyList<SnapshotSummary> snapshots, string format, CancellationToken cancellationToken)
    {
        if (format != ReportOutput.Table)
        {
            var listing = snapshots.Select(s => new SnapshotListing(s.Id, s.Host, s.ScannedAt, s.EnvironmentCount, s.PackageCount, s.WarningCount)).ToList();
            await ReportOutput.WriteAsync<IReadOnlyList<SnapshotListing>>(context, format, listing, ReportOutput.Options(context), cancellationToken);
            return;
        }

        var table = new Table().AddColumns("id", "host", "scanned at", "environments", "packages", "warnings");
        foreach (var s in snapshots)
        {
            table.AddRow(s.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Host), s.ScannedAt.ToString("u", CultureInfo.InvariantCulture),
                s.EnvironmentCount.ToString(CultureInfo.InvariantCulture), s.PackageCount.ToString(CultureInfo.InvariantCulture), s.WarningCount.ToString(CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
    }

    private static void WriteTables(IAnsiConsole console, InventoryDocument document)
    {
        foreach (var environment in document.Environments)
        {
            var python = environment.Python is { } p ? $"{p.Implementation} {p.Version}" : "python unknown";
            var labels = environment.Labels.Count > 0 ? $" [blue]{Markup.Escape(string.Join(", ", environment.Labels))}[/]" : "";
            console.MarkupLine($"[bold]{Markup.Escape(environment.Path)}[/] ({environment.Kind}, {Markup.Escape(python)}, {Plural.Of(environment.Packages.Count, "package")}){labels}");
            foreach (var error in environment.Errors)
            {
                console.MarkupLine($"  [red]not checked[/]: {Markup.Escape(error.ToString())}");
            }

            if (environment.Packages.Count == 0)
            {
                continue;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns("package", "version", "installer", "notes", "os package");
            foreach (var package in environment.Packages)
            {
                table.AddRow(
                    Markup.Escape(package.DisplayName ?? package.Name),
                    Markup.Escape(package.Version ?? "?"),
                    Markup.Escape(package.Installer ?? (package.Channel is null ? "" : "conda")),
                    Markup.Escape(Notes(package)),
                    Markup.Escape(package.OsPackage is { } os ? $"{os.Name} {os.Version}" : ""));
            }

            console.Write(table);
        }

        foreach (var error in document.Errors)
        {
            console.MarkupLine($"[red]not checked[/]: {Markup.Escape(error.ToString())}");
        }

        var notChecked = document.Errors.Count + document.Environments.Count(e => e.Errors.Count > 0);
        console.MarkupLine(Markup.Escape($"{Plural.Of(document.Environments.Count, "environment")}, {Plural.Of(document.Environments.Sum(e => e.Packages.Count), "package")}, {Plural.Of(document.Warnings.Count, "warning")}")
            + (notChecked > 0 ? $"; [red]{Plural.Of(notChecked, "input")} could not be checked[/]" : ""));
    }

    private static string Notes(InventoryPackage package)
    {
        var notes = new List<string>();
        if (package.Editable)
        {
            notes.Add("editable");
        }

        if (package.Inherited)
        {
            notes.Add("inherited");
        }

        if (package.ShadowedBy is not null)
        {
            notes.Add("shadowed by " + package.ShadowedBy);
        }

        if (package.Channel is not null)
        {
            notes.Add("channel " + package.Channel);
        }

        if (package.Url is not null && !package.Editable)
        {
            notes.Add(package.Url);
        }

        return string.Join("; ", notes);
    }
}
