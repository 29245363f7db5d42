using System.CommandLine;
using Pyfleet.Cli.Commands.Outdated;
using Pyfleet.Cli.Hosting;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Releases.Fixing;

namespace Pyfleet.Cli.Commands.Fix;

/// <summary><c>pyfleet fix FILE</c>: rewrites pins in a requirements file or buildout versions.cfg in place.</summary>
internal static class FixCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ReleaseOptions();
        var file = new Argument<string>("file") { Description = "requirements file (its -r/-c includes are checked, not modified) or buildout versions.cfg" };
        var securityOnly = new Option<bool>("--security-only") { Description = "Only apply minimal security fixes" };
        var patch = new Option<bool>("--patch") { Description = "Upgrade to the latest patch of each pinned minor series" };
        var minor = new Option<bool>("--minor") { Description = "Upgrade to the latest release of each pinned major series" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff instead of writing" };
        var command = new Command("fix", "Rewrite pins (keeping comments, order, includes, markers; refreshing --hash lines)");
        command.Arguments.Add(file);
        foreach (var option in new Option[] { securityOnly, patch, minor, dryRun })
        {
            command.Options.Add(option);
        }

        options.AddTo(command);
        command.Validators.Add(result =>
        {
            if (new[] { securityOnly, patch, minor }.Count(o => result.GetValue(o)) > 1)
            {
                result.AddError("--security-only, --patch and --minor are mutually exclusive");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(file)!, context.CurrentDirectory);
            if (!File.Exists(path))
            {
                throw new PyfleetException("no such file", path);
            }

            var mode = parse.GetValue(securityOnly) ? FixMode.SecurityOnly : parse.GetValue(patch) ? FixMode.Patch : parse.GetValue(minor) ? FixMode.Minor : FixMode.Recommended;
            var (text, hasBom) = RequirementsPinReader.Decode(path, await File.ReadAllBytesAsync(path, cancellationToken));
            var (pinned, fileIndexes) = await ReadPinsAsync(path, text, context);
            var session = CommandSession.Start(context, parse.GetValue(GlobalOptions.Home));
            using var fetcher = session.Fetcher(parse.GetValue(options.Offline));
            var releases = options.CreateReleaseClient(parse, fetcher, session.Options, context, fileIndexes);
            var advisories = SecurityFixSources.Default(context, session.Home);
            await SecurityFixSources.WarnIfUnavailableAsync(advisories, context);
            var analyzer = new UpgradeAnalyzer(advisories);
            var asOf = options.ResolveAsOf(parse, context).ToDateTime(TimeOnly.MinValue);
            var python = parse.GetValue(options.Python);
            var analysis = new Dictionary<string, (UpgradeReport, ProjectReleases)>(StringComparer.Ordinal);
            foreach (var (name, project) in await releases.GetManyAsync(pinned.Pins.Select(p => p.Name), cancellationToken))
            {
                var pin = pinned.Pins.First(p => p.Name == name);
                analysis[name] = (analyzer.Analyze(project, pin.Version, python, new DateTimeOffset(asOf, TimeSpan.Zero)), project);
            }

            var edits = FixPlanner.Plan(pinned, analysis, mode);
            var updated = PinRewriter.Apply(pinned, edits);
            if (parse.GetValue(dryRun))
            {
                await context.Stdout.WriteAsync(UnifiedDiff.Create(Path.GetFileName(path), text, updated));
            }
            else if (edits.Count > 0)
            {
                var temp = path + ".pyfleet-tmp";
                await File.WriteAllTextAsync(temp, updated, new System.Text.UTF8Encoding(hasBom), cancellationToken);
                File.Move(temp, path, overwrite: true);
            }

            foreach (var edit in edits)
            {
                await context.Stderr.WriteLineAsync($"{path}:{edit.Pin.Line + 1}: {edit.Pin.Name} {edit.Pin.Version} -> {edit.NewVersion}");
            }

            await context.Stderr.WriteLineAsync(edits.Count == 0 ? "nothing to change" : $"{Plural.Of(edits.Count, "pin")} {(parse.GetValue(dryRun) ? "would change" : "changed")}");
            return (int)ExitCode.Clean;
        });
        return command;
    }

    /// <summary>
    /// The pins to edit. Requirements files are parsed like pip (includes, constraints, options) and refused on
    /// any error; only the given file is rewritten — files it includes with <c>-r</c>/<c>-c</c> may be shared by
    /// several top-level files, so they are named on stderr and left for their own <c>pyfleet fix</c> run.
    /// </summary>
    private static async Task<(PinnedFile File, (string?, IReadOnlyList<string>)? Indexes)> ReadPinsAsync(string path, string text, CliContext context)
    {
        var options = new ManifestReadOptions { GetEnvironment = context.GetEnvironment };
        if (BuildoutPinReader.CanRead(path))
        {
            var (file, warnings) = BuildoutPinReader.ReadChecked(path, text, options);
            foreach (var warning in warnings)
            {
                await context.Stderr.WriteLineAsync(warning.ToString());
            }

            return (file, null);
        }

        var pins = RequirementsPinReader.Read(path, text, options);
        foreach (var warning in pins.Document.Diagnostics)
        {
            await context.Stderr.WriteLineAsync(warning.ToString());
        }

        foreach (var included in pins.IncludedFiles)
        {
            await context.Stderr.WriteLineAsync($"note: {included} is included but not modified (run pyfleet fix on it to update its pins)");
        }

        return (pins.File, FileIndexes.From(pins.Document));
    }
}
