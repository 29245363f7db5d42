using System.CommandLine;
using Pyfleet.Cli.Hosting;
using Pyfleet.Cli.Performance;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Application.Audit;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Reporting;
using Pyfleet.Packaging.Markers;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary><c>pyfleet audit [PATH ...]</c>: known vulnerabilities of what the paths describe, and what fixes them.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Folders to scan (venvs, site-packages, requirements and lock files), inventory documents (pyfleet scan --format json), files of any name (read as the manifest they are), or snapshot:ID (default: .)", Arity = ArgumentArity.ZeroOrMore };
        var format = CommonOptions.Format(ReportOutput.FormatNames<IAuditReportWriter>(context));
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 only for findings at or above low|medium|high|critical (unknown severity counts as meeting any threshold); default: any finding" };
        failOn.AcceptOnlyFromAmong("low", "medium", "moderate", "high", "critical");
        var asOf = CommonOptions.AsOf("Judge as on this date (YYYY-MM-DD): later advisories and withdrawals are ignored, suppressions expire against it");
        var offline = new Option<bool>("--offline") { Description = "Never touch the network; use the local database (or a local --source)" };
        var maxAge = new Option<int?>("--max-age") { Description = "Warn when the local database is older than this many days (default: osv.max-age-days, 7)" };
        var source = new Option<string?>("--source") { Description = "Advisory source used when the database is empty (default: PYFLEET_OSV_SOURCE / osv.source, else the OSV PyPI export)" };
        var python = new Option<string?>("--python") { Description = "Target Python (3.11) for evaluating lock-file markers" };
        var platform = new Option<string?>("--platform") { Description = "Target platform (linux, win32, darwin) for evaluating markers" };
        var osvApi = new Option<bool>("--osv-api") { Description = "Ask the OSV API (osv.api-url, default https://api.osv.dev/) about these packages instead of using the local database" };
        var system = CommonOptions.System();
        var labels = CommonOptions.Labels();
        var command = new Command("audit", "Report known vulnerabilities (OSV) and their minimal fixes") { paths, format, failOn, asOf, offline, maxAge, source, python, platform, osvApi, system, labels };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var inputs = parseResult.GetValue(paths) ?? [];
            var timings = new PhaseTimings(context);
            using var noCollections = NoGcRegion.TryEnter(context, NoGcRegion.InputBytes(inputs, context.CurrentDirectory));
            var session = CommandSession.Start(context, parseResult.GetValue(GlobalOptions.Home));
            var request = new AuditRunRequest
            {
                Inputs = inputs,
                // Shared strings without collections (every new string would be fresh memory, and the auditor's caches
                // then see the same instances again); with collections, short-lived copies are cheaper than a pool.
                InputOptions = session.InputOptions(parseResult.GetValue(labels)) with
                {
                    IncludeSystem = parseResult.GetValue(system),
                    Strings = noCollections is null ? InventoryStrings.Copy : InventoryStrings.Share,
                },
                AsOf = CommonOptions.EndOfDay(parseResult.GetValue(asOf)),
                Target = parseResult.GetValue(python) is { } py ? MarkerEnvironment.For(py, parseResult.GetValue(platform) ?? "linux") : null,
                Platform = parseResult.GetValue(platform) ?? "linux",
                Suppressions = SuppressionFile.Load(Path.Combine(context.CurrentDirectory, SuppressionFile.FileName)),
                Source = parseResult.GetValue(source),
                Offline = parseResult.GetValue(offline),
                UseOsvApi = parseResult.GetValue(osvApi),
                MaxAgeDays = parseResult.GetValue(maxAge),
                ReadAhead = PrefetchReadAhead.Instance,
                Notices = new StderrNotices(context.Stderr),
                Phases = timings,
            };
            var name = parseResult.GetValue(format)!;
            var run = new AuditRun(session.Resolver(), session.AdvisoryDatabase, context.Clock);
            var summary = await run.RunAsync(request, header => new NotCheckedEcho(OpenSink(context, name, header), context.Stderr), cancellationToken);
            return (int)(summary.NotChecked > 0 ? ExitCode.UsageOrInputError
                : summary.Fails(SeverityNames.ParseThreshold(parseResult.GetValue(failOn))) ? ExitCode.Findings
                : ExitCode.Clean);
        });
        return command;
    }

    private static IAuditSink OpenSink(CliContext context, string format, AuditRunHeader header) =>
        format == ReportOutput.Table
            ? new AuditTableWriter(context.Console, context.Stderr)
            : context.Reports.Get<IAuditReportWriter>(format).Open(ReportOutput.OpenStdout(context), header, ReportOutput.Options(context));
}
