using System.CommandLine;
using Pyfleet.Core.Advisories.Sync;

namespace Pyfleet.Cli.Commands.Sync;

/// <summary><c>pyfleet sync</c>: fetches advisories into the local store, or moves them with a verified bundle.</summary>
internal static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string?>("--source") { Description = "One source: an OSV zip path or file:// URL, an http(s):// URL, or a PyPA advisory-database folder (default: osv.source config / PYFLEET_OSV_SOURCE, else the OSV PyPI export)" };
        var full = new Option<bool>("--full") { Description = "Download the whole export even when an incremental update (modified_id.csv) is possible" };
        var export = new Option<string?>("--export") { Description = "Write the stored advisories to a verified bundle zip for machines without internet" };
        var import = new Option<string?>("--import") { Description = "Replace the stored advisories with a bundle written by --export (verified first)" };
        var command = new Command("sync", "Fetch vulnerability advisories (OSV) into the local database") { source, full, export, import };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetValue(source) is not null, result.GetValue(export) is not null, result.GetValue(import) is not null }.Count(x => x);
            if (chosen > 1)
            {
                result.AddError("--source, --export and --import are mutually exclusive");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var database = new AdvisoryDatabase(context, parseResult.GetValue(GlobalOptions.Home), parseResult.GetValue(GlobalOptions.Database));
            if (parseResult.GetValue(export) is { } exportPath)
            {
                var count = await AdvisoryBundle.ExportAsync(database.Store, Path.GetFullPath(exportPath, context.CurrentDirectory), context.Clock.GetUtcNow(), cancellationToken);
                await context.Stderr.WriteLineAsync($"exported {count} advisories to {exportPath}");
                return (int)ExitCode.Clean;
            }

            if (parseResult.GetValue(import) is { } importPath)
            {
                var count = await AdvisoryBundle.ImportAsync(database.Store, Path.GetFullPath(importPath, context.CurrentDirectory), context.Clock.GetUtcNow(), cancellationToken);
                await context.Stderr.WriteLineAsync($"imported {count} advisories from {importPath}");
                return (int)ExitCode.Clean;
            }

            foreach (var item in database.ConfiguredSources(parseResult.GetValue(source)))
            {
                await database.SyncAsync(item, parseResult.GetValue(full), cancellationToken);
            }

            return (int)ExitCode.Clean;
        });
        return command;
    }
}
