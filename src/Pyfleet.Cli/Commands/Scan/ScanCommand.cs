using System.CommandLine;
using System.Diagnostics;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Storage;
using Pyfleet.Core.Toml;

namespace Pyfleet.Cli.Commands.Scan;

/// <summary>
/// <c>pyfleet scan [PATH ...]</c>: finds and reads every Python environment under the paths (default: the current
/// folder; <c>--system</c> adds the host's standard locations), prints a table or the JSON contract, and stores the
/// result as a snapshot.
/// </summary>
internal sealed class ScanCommand
{
    private readonly Argument<string[]> Paths = new("path")
    {
        Description = "Folders to scan (default: the current folder)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> System = new("--system") { Description = "Also scan the host's standard locations: /usr, /usr/local, /opt, pyenv, conda, user site" };
    private readonly Option<string?> Root = new("--root") { Description = "Read a mounted image or test tree as if it were / (paths, pyvenv.cfg homes, .pth lines and dpkg data are looked up under it)" };
    private readonly Option<string[]> Exclude = new("--exclude") { Description = "Glob of folders not to walk (name like 'build*', or path like '/srv/**/cache'); repeatable" };
    private readonly Option<int> MaxDepth = new("--max-depth") { Description = "How deep below each path to look for environments", DefaultValueFactory = _ => 16 };
    private readonly Option<bool> FollowSymlinks = new("--follow-symlinks") { Description = "Follow symbolic links that lead out of the scanned folders (loops are always detected)" };
    private readonly Option<string[]> Label = new("--label") { Description = "Label an environment: PATH=NAME (repeatable; the config file's labels will replace this)" };
    private readonly Option<string> Format = new("--format") { Description = "Output: table or json", DefaultValueFactory = _ => "table" };
    private readonly Option<bool> NoStore = new("--no-store") { Description = "Do not store the scan as a snapshot" };
    private readonly Option<bool> ListSnapshots = new("--list-snapshots") { Description = "List stored snapshots instead of scanning" };
    private readonly Option<long?> Snapshot = new("--snapshot") { Description = "Print a stored snapshot (by id) instead of scanning" };

    private ScanCommand()
    {
        Format.AcceptOnlyFromAmong("table", "json");
    }

    public static Command Create(CliContext context) => new ScanCommand().Build(context);

    private Command Build(CliContext context)
    {
        var command = new Command("scan", "Find and read every Python environment (venvs, system, conda, pyenv) and its packages");
        command.Arguments.Add(Paths);
        foreach (var option in (Option[])[System, Root, Exclude, MaxDepth, FollowSymlinks, Label, Format, NoStore, ListSnapshots, Snapshot])
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => RunAsync(context, parseResult, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(CliContext context, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var home = context.ResolveHome(parseResult.GetValue(GlobalOptions.Home));
        var json = parseResult.GetValue(Format) == "json";
        if (parseResult.GetValue(ListSnapshots))
        {
            home.EnsureExists();
            await using var store = CliStore.Open(context, home, parseResult.GetValue(GlobalOptions.Database));
            ScanOutput.WriteSnapshotList(context, await store.Snapshots.ListAsync(cancellationToken: cancellationToken), json);
            return (int)ExitCode.Clean;
        }

        if (parseResult.GetValue(Snapshot) is { } id)
        {
            home.EnsureExists();
            await using var store = CliStore.Open(context, home, parseResult.GetValue(GlobalOptions.Database));
            var stored = await store.Snapshots.LoadAsync(id, cancellationToken);
            await ScanOutput.WriteAsync(context, stored, json, cancellationToken);
            return (int)ExitCode.Clean;
        }

        var timings = new PhaseTimings(context);
        var options = BuildOptions(context, parseResult);
        var document = new EnvironmentScanner(context.Clock).Scan(options, cancellationToken);
        timings.Mark("scan");
        Task<(long Id, TimeSpan Elapsed)>? saving = null;
        if (!parseResult.GetValue(NoStore))
        {
            // Storing runs beside the output: a fleet scan's document is 100+ MB of JSON.
            home.EnsureExists();
            var location = CliStore.Locate(context, home, parseResult.GetValue(GlobalOptions.Database));
            saving = Task.Run(() => SaveAsync(context, location, document, cancellationToken), cancellationToken);
        }

        await ScanOutput.WriteAsync(context, document, json, cancellationToken);
        timings.Mark("output");
        if (saving is not null)
        {
            var (snapshotId, elapsed) = await saving;
            timings.Report("store", elapsed);
            timings.Mark("store wait");
            ScanOutput.WriteSnapshotStored(context, snapshotId, json);
        }

        return (int)ExitCode.Clean;
    }

    private static async Task<(long Id, TimeSpan Elapsed)> SaveAsync(CliContext context, DatabaseLocation location, InventoryDocument document, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var store = CliStore.Open(context, location);
        var id = await store.Snapshots.SaveAsync(document, cancellationToken);
        return (id, Stopwatch.GetElapsedTime(started));
    }

    private ScanOptions BuildOptions(CliContext context, ParseResult parseResult)
    {
        var root = parseResult.GetValue(Root);
        if (root is not null && !Directory.Exists(Path.GetFullPath(root, context.CurrentDirectory)))
        {
            throw new PyfleetException("--root: no such folder", root);
        }

        var maxDepth = parseResult.GetValue(MaxDepth);
        if (maxDepth < 0)
        {
            throw new PyfleetException("--max-depth must be 0 or more");
        }

        var paths = parseResult.GetValue(Paths) ?? [];
        var includeSystem = parseResult.GetValue(System);
        if (paths.Length == 0 && !includeSystem)
        {
            paths = [context.CurrentDirectory];
        }

        var homeDirectory = context.GetEnvironment("HOME");
        var config = context.LoadConfig(parseResult.GetValue(GlobalOptions.Home));
        return new ScanOptions
        {
            Paths = [.. paths.Select(p => root is not null && Path.IsPathRooted(p) ? p : Path.GetFullPath(p, context.CurrentDirectory))],
            IncludeSystem = includeSystem,
            RootPrefix = root is null ? null : Path.GetFullPath(root, context.CurrentDirectory),
            Excludes = parseResult.GetValue(Exclude) ?? [],
            MaxDepth = maxDepth,
            FollowSymlinks = parseResult.GetValue(FollowSymlinks),
            HomeDirectories = string.IsNullOrEmpty(homeDirectory) ? [] : [homeDirectory],
            Labels = ParseLabels(context, parseResult.GetValue(Label) ?? [], config),
            ManifestOptions = new ManifestReadOptions { GetEnvironment = context.GetEnvironment, Limits = Core.IO.InputLimits.From(config) },
        };
    }

    /// <summary>
    /// Labels from config (<c>[labels]</c>: <c>"/srv/shop/.venv" = ["shop", "billing"]</c> or one string) plus
    /// <c>--label PATH=NAME</c> options.
    /// </summary>
    internal static EnvironmentLabels ParseLabels(CliContext context, string[] labels, PyfleetConfig config)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (config.GetNode("labels") is TomlTable table)
        {
            foreach (var (path, node) in table)
            {
                var names = node switch
                {
                    TomlValue { Value: string one } => [one],
                    TomlArray array when array.All(item => item is TomlValue { Value: string }) => array.Strings.ToList(),
                    _ => throw new PyfleetException($"labels: '{path}' must be a label or a list of labels", config.Path, node.Line),
                };
                pairs.AddRange(names.Select(name => new KeyValuePair<string, string>(Path.GetFullPath(path, context.CurrentDirectory), name)));
            }
        }

        foreach (var label in labels)
        {
            var equals = label.LastIndexOf('=');
            if (equals <= 0 || equals == label.Length - 1)
            {
                throw new PyfleetException($"--label '{label}': expected PATH=NAME");
            }

            pairs.Add(new(Path.GetFullPath(label[..equals], context.CurrentDirectory), label[(equals + 1)..]));
        }

        return new EnvironmentLabels(pairs);
    }
}
