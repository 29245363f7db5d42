using System.Globalization;
using System.Text;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Scan;

/// <summary>Renders a scan: the JSON contract raw on stdout, or one Spectre table per environment.</summary>
internal static class ScanOutput
{
    public static async Task WriteAsync(CliContext context, InventoryDocument document, bool json, CancellationToken cancellationToken)
    {
        if (json)
        {
            // Streamed: a fleet-sized document never exists as one string. Indented for people, compact for pipes.
            await using (var stream = new TextWriterStream(context.Stdout))
            {
                await InventoryJson.SerializeAsync(stream, document, cancellationToken, indented: context.IsInteractive);
            }

            await context.Stdout.WriteLineAsync();
            return;
        }

        WriteTables(context.Console, document);
    }

    public static void WriteSnapshotStored(CliContext context, long snapshotId, bool json)
    {
        if (json)
        {
            context.Stderr.WriteLine($"snapshot {snapshotId} stored");
        }
        else
        {
            context.Console.MarkupLine($"[grey]snapshot {snapshotId} stored[/]");
        }
    }

    public static void WriteSnapshotList(CliContext context, IReadOnlyList<SnapshotSummary> snapshots, bool json)
    {
        if (json)
        {
            var builder = new StringBuilder("[");
            foreach (var s in snapshots)
            {
                builder.Append(builder.Length > 1 ? "," : "").Append(CultureInfo.InvariantCulture,
                    $"{{\"id\":{s.Id},\"host\":{System.Text.Json.JsonSerializer.Serialize(s.Host, ScanJsonContext.Default.String)},\"scannedAt\":\"{s.ScannedAt:O}\",\"environments\":{s.EnvironmentCount},\"packages\":{s.PackageCount},\"warnings\":{s.WarningCount}}}");
            }

            context.Stdout.WriteLine(builder.Append(']').ToString());
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
            console.MarkupLine($"[bold]{Markup.Escape(environment.Path)}[/] ({environment.Kind}, {Markup.Escape(python)}, {environment.Packages.Count} packages){labels}");
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

        console.MarkupLine($"{document.Environments.Count} environments, {document.Environments.Sum(e => e.Packages.Count)} packages, {document.Warnings.Count} warnings");
        foreach (var warning in document.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning.Path)}: {Markup.Escape(warning.Message)}");
        }
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
