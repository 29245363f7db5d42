using System.CommandLine;
using System.Diagnostics;
using Pyfleet.Cli.Hosting;
using Pyfleet.Cli.Performance;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Reporting;

namespace Pyfleet.Cli.Commands.Scan;

/// <summary>
/// <c>pyfleet scan [PATH ...]</c>: reads every input like <c>audit</c> does (folders, files of any name, inventory
/// documents, <c>snapshot:ID</c>; <c>--system</c> adds the host's standard locations), prints one inventory as a
/// table or the JSON contract, and stores it as a snapshot. An input that could not be read is an error in the
/// output and exit 2; the others are still reported.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Folders to scan, files of any name (read as the manifest they are), inventory documents, or snapshot:ID (default: the current folder)", Arity = ArgumentArity.ZeroOrMore };
        var system = CommonOptions.System();
        var root = new Option<string?>("--root") { Description = "Read a mounted image or test tree as if it were / (paths, pyvenv.cfg homes, .pth lines and dpkg data are looked up under it)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of folders not to walk (name like 'build*', or path like '/srv/**/cache'); repeatable" };
        var maxDepth = new Option<int>("--max-depth") { Description = "How deep below each path to look for environments", DefaultValueFactory = _ => 16 };
        maxDepth.Validators.Add(result =>
        {
            // (A value that is no number is the parser's error already.)
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, out var depth) && depth < 0)
            {
                result.AddError("--max-depth must be 0 or more");
            }
        });
        var followSymlinks = new Option<bool>("--follow-symlinks") { Description = "Follow symbolic links that lead out of the scanned folders (loops are always detected)" };
        var labels = CommonOptions.Labels();
        var format = CommonOptions.Format(ReportOutput.FormatNames<IReportWriter<InventoryDocument>>(context));
        var noStore = new Option<bool>("--no-store") { Description = "Do not store the scan as a snapshot" };
        var listSnapshots = new Option<bool>("--list-snapshots") { Description = "List stored snapshots instead of scanning" };
        var snapshot = new Option<long?>("--snapshot") { Description = "Print a stored snapshot (by id) instead of scanning" };
        var command = new Command("scan", "Find and read every Python environment (venvs, system, conda, pyenv) and its packages")
        {
            paths, system, root, exclude, maxDepth, followSymlinks, labels, format, noStore, listSnapshots, snapshot,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var session = CommandSession.Start(context, parseResult.GetValue(GlobalOptions.Home));
            var name = parseResult.GetValue(format)!;
            if (parseResult.GetValue(listSnapshots))
            {
                await ScanOutput.WriteSnapshotListAsync(context, await Stores.Open(context, session.Home).Snapshots.ListAsync(cancellationToken: cancellationToken), name, cancellationToken);
                return (int)ExitCode.Clean;
            }

            if (parseResult.GetValue(snapshot) is { } id)
            {
                await ScanOutput.WriteAsync(context, await Stores.Open(context, session.Home).Snapshots.LoadAsync(id, cancellationToken), name, cancellationToken);
                return (int)ExitCode.Clean;
            }

            var rootPath = parseResult.GetValue(root) is { } r ? Path.GetFullPath(r, context.CurrentDirectory) : null;
            if (rootPath is not null && !Directory.Exists(rootPath))
            {
                throw new PyfleetException("--root: no such folder", parseResult.GetValue(root));
            }

            var timings = new PhaseTimings(context);
            var options = session.InputOptions(parseResult.GetValue(labels)) with
            {
                IncludeSystem = parseResult.GetValue(system),
                RootPrefix = rootPath,
                Excludes = parseResult.GetValue(exclude) ?? [],
                MaxDepth = parseResult.GetValue(maxDepth),
                FollowSymlinks = parseResult.GetValue(followSymlinks),
            };
            var document = Merge(session.Resolver().Resolve(parseResult.GetValue(paths) ?? [], options, cancellationToken));
            timings.Mark("scan");
            var saving = parseResult.GetValue(noStore) ? null : Task.Run(() => SaveAsync(context, session.Home, document, cancellationToken), cancellationToken);
            await ScanOutput.WriteAsync(context, document, name, cancellationToken);
            timings.Mark("output");
            if (saving is not null)
            {
                // Storing runs beside the output: a fleet scan's document is 100+ MB of JSON.
                var (snapshotId, elapsed) = await saving;
                timings.Report("store", elapsed);
                timings.Mark("store wait");
                await context.Stderr.WriteLineAsync($"snapshot {snapshotId} stored");
            }

            var notChecked = document.Errors.Count + document.Environments.Count(e => e.Errors.Count > 0);
            return (int)(notChecked > 0 ? ExitCode.UsageOrInputError : ExitCode.Clean);
        });
        return command;
    }

    /// <summary>The inputs as one inventory (the scan's JSON contract and snapshot are one document).</summary>
    private static InventoryDocument Merge(IReadOnlyList<InventorySource> sources)
    {
        var readable = sources.FirstOrDefault(s => s.Kind != InventorySourceKind.Unreadable) ?? sources[0];
        var document = new InventoryDocument
        {
            Host = readable.Host,
            ScannedAt = readable.ScannedAt,
            Environments = [.. sources.SelectMany(s => s.Environments)],
            Warnings = [.. sources.SelectMany(s => s.Warnings).Distinct()],
            Errors = [.. sources.SelectMany(s => s.Errors)],
        };
        foreach (var source in sources)
        {
            source.Dispose();
        }

        return document;
    }

    private static async Task<(long Id, TimeSpan Elapsed)> SaveAsync(CliContext context, PyfleetHome home, InventoryDocument document, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var id = await Stores.Open(context, home).Snapshots.SaveAsync(document, cancellationToken);
        return (id, Stopwatch.GetElapsedTime(started));
    }
}
