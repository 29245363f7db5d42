using System.CommandLine;
using Pyfleet.Cli.Hosting;
using Pyfleet.Cli.Rendering;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Policy;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;
using Pyfleet.Core.Reporting;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Lint;

/// <summary>
/// <c>pyfleet lint [FILE ...]</c>: deployment-policy checks on requirements and lock files. Exits 1 when a rule of
/// error severity fires, 2 on unreadable input.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Requirements, lock or pyproject files (default: ./requirements.txt)", Arity = ArgumentArity.ZeroOrMore };
        var format = CommonOptions.Format(ReportOutput.FormatNames<IReportWriter<LintReport>>(context));
        var disable = new Option<string[]>("--disable") { Description = "Rule id or name to skip (repeatable), e.g. --disable PF010 --disable duplicate-pin" };
        var allowedIndex = new Option<string[]>("--allowed-index") { Description = "Index URL allowed in --index-url/--extra-index-url/--find-links (repeatable); when absent the index rule is off" };
        var against = new Option<string?>("--against") { Description = "Installed environment (venv root or site-packages) for the --no-deps completeness and drift rules" };
        var indexUrl = new Option<string?>("--index-url", "-i") { Description = "Index (simple root) whose JSON API /pypi/NAME/VERSION/json gives the --no-deps completeness rule its metadata when --against is absent" };
        var jsonApi = new Option<bool>("--json-api") { Description = "Accepted as in outdated: the completeness rule always reads the JSON API (/pypi/NAME/VERSION/json) next to --index-url" };
        var offline = new Option<bool>("--offline") { Description = "Use only cached index answers (uncached pins get a PF014 warning)" };
        var python = new Option<string?>("--python") { Description = "Target Python for markers, e.g. 3.11 (default: the --against environment's, else 3.12)" };

        var command = new Command("lint", "Check requirements and lock files against deployment policy (pins, hashes, indexes, drift)");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(disable);
        command.Options.Add(allowedIndex);
        command.Options.Add(against);
        command.Options.Add(python);
        command.Options.Add(indexUrl);
        command.Options.Add(jsonApi);
        command.Options.Add(offline);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetValue(files) is { Length: > 0 } given
                ? given.Select(f => Path.GetFullPath(Path.Combine(context.CurrentDirectory, f))).ToArray()
                : [Path.Combine(context.CurrentDirectory, "requirements.txt")];
            foreach (var path in paths.Where(p => !File.Exists(p)))
            {
                throw new PyfleetException("no such file", path);
            }

            // Rules disabled in config (lint.disable) stay disabled; the command line adds to them.
            var session = CommandSession.Start(context, parseResult.GetValue(GlobalOptions.Home));
            var disabled = (parseResult.GetValue(disable) ?? []).Concat(session.Options.Lint.Disable).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            foreach (var rule in disabled.Where(d => LintRules.Find(d) is null))
            {
                throw new PyfleetException($"--disable {rule}: unknown rule (known: {string.Join(", ", LintRules.All.Select(r => r.Id))})");
            }

            var pythonVersion = parseResult.GetValue(python);
            if (pythonVersion is not null && !System.Text.RegularExpressions.Regex.IsMatch(pythonVersion, @"^\d+\.\d+(\.\d+)?$"))
            {
                throw new PyfleetException($"--python {pythonVersion}: expected a version like 3.11");
            }

            var againstPath = parseResult.GetValue(against) is { } env ? Path.GetFullPath(Path.Combine(context.CurrentDirectory, env)) : null;
            using var fetcher = againstPath is null && parseResult.GetValue(indexUrl) is not null ? session.Fetcher(parseResult.GetValue(offline)) : null;
            var report = ManifestLinter.Lint(paths, new LintOptions
            {
                Disabled = disabled,
                AllowedIndexes = parseResult.GetValue(allowedIndex) is { Length: > 0 } allowed ? allowed : session.Options.Lint.AllowedIndexes,
                AgainstEnvironment = againstPath,
                DependencyMetadata = fetcher is null ? null : new IndexDependencyMetadataSource(fetcher, IndexConfiguration.Resolve(parseResult.GetValue(indexUrl), [], context.GetEnvironment)),
                PythonVersion = pythonVersion,
                GetEnvironment = context.GetEnvironment,
            }, cancellationToken);

            var name = parseResult.GetValue(format)!;
            if (name == ReportOutput.Table)
            {
                RenderTable(report, context);
            }
            else
            {
                await ReportOutput.WriteAsync(context, name, report, ReportOutput.Options(context, alwaysIndented: true), cancellationToken);
            }

            return (int)(report.HasErrors ? ExitCode.Findings : ExitCode.Clean);
        });
        return command;
    }

    private static void RenderTable(LintReport report, CliContext context)
    {
        if (report.Findings.Count == 0)
        {
            context.Console.MarkupLine($"[green]No findings[/] in {Plural.Of(report.Files.Count, "file")}.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Location", "Severity", "Rule", "Message");
        foreach (var finding in report.Findings)
        {
            var location = Path.GetRelativePath(context.CurrentDirectory, finding.Path) + (finding.Line is { } line ? $":{line}" : "");
            var colour = finding.Severity switch { LintSeverity.Error => "red", LintSeverity.Warning => "yellow", _ => "grey" };
            table.AddRow(
                Markup.Escape(location),
                $"[{colour}]{finding.Severity.ToString().ToLowerInvariant()}[/]",
                Markup.Escape($"{finding.Rule.Id} {finding.Rule.Name}"),
                Markup.Escape(finding.Message));
        }

        context.Console.Write(table);
        context.Console.MarkupLine($"{Plural.Of(report.Count(LintSeverity.Error), "error")}, {Plural.Of(report.Count(LintSeverity.Warning), "warning")} in {Plural.Of(report.Files.Count, "file")}.");
    }
}
