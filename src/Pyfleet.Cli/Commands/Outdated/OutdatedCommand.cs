using System.CommandLine;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary><c>pyfleet outdated [PATH ...]</c>: newer releases, upgrade kind, yanked installs, Requires-Python blocks and EOL.</summary>
internal static class OutdatedCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ReleaseOptions();
        var paths = new Argument<string[]>("path") { Description = "Folders to scan, inventory documents (scan --format json), or requirements/lock/pyproject/setup.cfg/versions.cfg files (default: .)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "table, json, " + string.Join(", ", OutdatedReportOutput.Formats), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(["table", "json", .. OutdatedReportOutput.Formats]);
        var securityOnly = new Option<bool>("--security-only") { Description = "Only packages with a security upgrade" };
        var kind = new Option<string?>("--kind") { Description = "Only this upgrade kind: security, major, minor, patch, none, unknown" };
        kind.AcceptOnlyFromAmong("security", "major", "minor", "patch", "none", "unknown");
        var command = new Command("outdated", "Newer releases, upgrade kinds (security/major/minor/patch) and end-of-life status");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(securityOnly);
        command.Options.Add(kind);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = context.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var asOf = options.ResolveAsOf(parse, context);
            var inventory = OutdatedInputLoader.Load(parse.GetValue(paths) is { Length: > 0 } given ? given : ["."], parse.GetValue(options.Python), context);
            var config = ReleaseOptions.Config(home, context);
            using var fetcher = options.CreateFetcher(parse, home, context);
            var releases = options.CreateReleaseClient(parse, fetcher, config, context);
            var eol = options.CreateEolClient(parse, fetcher, home, config);
            var evaluator = new EolEvaluator(asOf, options.ResolveWarnDays(parse, config));
            var map = EolProductMap.From(eol.StoredProducts());
            var advisories = SecurityFixSources.Default(context, home, parse.GetValue(GlobalOptions.Database));
            await SecurityFixSources.WarnIfUnavailableAsync(advisories, context);
            var service = new OutdatedService(releases, new UpgradeAnalyzer(advisories), eol, evaluator, map);
            var result = await service.AnalyzeAsync(inventory, cancellationToken);

            var wantedKind = parse.GetValue(securityOnly) ? "security" : parse.GetValue(kind);
            bool Include(OutdatedPackage p) => wantedKind is null || p.Report.Kind.ToString().Equals(wantedKind, StringComparison.OrdinalIgnoreCase);
            if (parse.GetValue(format) == "json")
            {
                await context.Stdout.WriteLineAsync(OutdatedJsonWriter.Write(result, Include));
            }
            else if (parse.GetValue(format) is { } report && OutdatedReportOutput.Formats.Contains(report))
            {
                OutdatedReportOutput.Write(context, report, result, inventory.Host, Include);
            }
            else
            {
                OutdatedTableRenderer.Render(context.Console, result, Include, releases.Indexes.Primary.Display);
            }

            foreach (var warning in result.Warnings)
            {
                await context.Stderr.WriteLineAsync($"warning: {warning}");
            }

            var findings = result.Environments.Any(e => (e.PythonEol?.EffectiveEol ?? false)
                || e.Packages.Where(Include).Any(p => p.Report.Kind == UpgradeKind.Security || p.Report.Yanked || (p.Eol?.EffectiveEol ?? false)));
            return (int)(findings ? ExitCode.Findings : ExitCode.Clean);
        });
        return command;
    }
}
