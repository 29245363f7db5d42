using System.CommandLine;
using Pyfleet.Cli.Hosting;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Application.Outdated;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting;

namespace Pyfleet.Cli.Commands.Outdated;

/// <summary><c>pyfleet outdated [PATH ...]</c>: newer releases, upgrade kind, yanked installs, Requires-Python blocks and EOL.</summary>
internal static class OutdatedCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ReleaseOptions();
        var paths = new Argument<string[]>("PATH") { Description = "Folders to scan, inventory documents (scan --format json), files of any name (requirements/lock/pyproject/setup.cfg/versions.cfg…), or snapshot:ID (default: .)", Arity = ArgumentArity.ZeroOrMore };
        var format = CommonOptions.Format(ReportOutput.FormatNames<IReportWriter<OutdatedResult>>(context));
        var securityOnly = new Option<bool>("--security-only") { Description = "Only packages with a security upgrade" };
        var kind = new Option<string?>("--kind") { Description = "Only this upgrade kind: security, major, minor, patch, none, unknown" };
        kind.AcceptOnlyFromAmong("security", "major", "minor", "patch", "none", "unknown");
        var system = CommonOptions.System();
        var labels = CommonOptions.Labels();
        var command = new Command("outdated", "Newer releases, upgrade kinds (security/major/minor/patch) and end-of-life status") { paths, format, securityOnly, kind, system, labels };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var session = CommandSession.Start(context, parse.GetValue(GlobalOptions.Home));
            var asOf = options.ResolveAsOf(parse, context);
            using var fetcher = session.Fetcher(parse.GetValue(options.Offline));
            var releases = options.CreateReleaseClient(parse, fetcher, session.Options, context);
            var eol = options.CreateEolClient(parse, fetcher, session.Home, session.Options);
            var advisories = SecurityFixSources.Default(context, session.Home);
            await SecurityFixSources.WarnIfUnavailableAsync(advisories, context);
            var service = new OutdatedService(releases, new UpgradeAnalyzer(advisories), eol, new EolEvaluator(asOf, options.ResolveWarnDays(parse, session.Options)), EolProductMap.From(eol.StoredProducts()));
            var wanted = parse.GetValue(securityOnly) ? "security" : parse.GetValue(kind);
            var result = await new OutdatedRun(session.Resolver()).RunAsync(
                new OutdatedRunRequest
                {
                    Inputs = parse.GetValue(paths) ?? [],
                    InputOptions = session.InputOptions(parse.GetValue(labels)) with { IncludeSystem = parse.GetValue(system) },
                    Python = parse.GetValue(options.Python),
                    Kind = wanted is null ? null : Enum.Parse<UpgradeKind>(wanted, ignoreCase: true),
                },
                service,
                cancellationToken);

            var name = parse.GetValue(format)!;
            if (name == ReportOutput.Table)
            {
                OutdatedTableRenderer.Render(context.Console, result, releases.Indexes.Primary.Display);
            }
            else
            {
                await ReportOutput.WriteAsync(context, name, result, ReportOutput.Options(context, alwaysIndented: true), cancellationToken);
            }

            foreach (var warning in result.Warnings)
            {
                await context.Stderr.WriteLineAsync($"warning: {warning}");
            }

            foreach (var error in result.Errors)
            {
                await context.Stderr.WriteLineAsync($"error: {error}");
            }

            return (int)(result.Errors.Count > 0 ? ExitCode.UsageOrInputError
                : OutdatedRun.HasFindings(result) ? ExitCode.Findings
                : ExitCode.Clean);
        });
        return command;
    }
}
