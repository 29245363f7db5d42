using System.CommandLine;
using System.Reflection;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Policy;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;
using Pyfleet.Core.Reporting.Sarif;
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
        var format = new Option<string>("--format") { Description = "Output: table, json or sarif", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "sarif");
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
        command.SetAction((parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetValue(files) is { Length: > 0 } given
                ? given.Select(f => Path.GetFullPath(Path.Combine(context.CurrentDirectory, f))).ToArray()
                : [Path.Combine(context.CurrentDirectory, "requirements.txt")];
            foreach (var path in paths.Where(p => !File.Exists(p)))
            {
                throw new PyfleetException("no such file", path);
            }

            // Rules disabled in config (lint.disable) stay disabled; the command line adds to them.
            var config = context.LoadConfig(parseResult.GetValue(GlobalOptions.Home));
            var disabled = (parseResult.GetValue(disable) ?? []).Concat(config.GetList("lint.disable")).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
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
            using var fetcher = againstPath is null && parseResult.GetValue(indexUrl) is not null ? CreateFetcher(parseResult.GetValue(GlobalOptions.Home), parseResult.GetValue(offline), context) : null;
            var report = ManifestLinter.Lint(paths, new LintOptions
            {
                Disabled = disabled,
                AllowedIndexes = parseResult.GetValue(allowedIndex) is { Length: > 0 } allowed ? allowed : config.GetList("lint.allowed-indexes"),
                AgainstEnvironment = againstPath,
                DependencyMetadata = fetcher is null ? null : new IndexDependencyMetadataSource(fetcher, IndexConfiguration.Resolve(parseResult.GetValue(indexUrl), [], context.GetEnvironment)),
                PythonVersion = pythonVersion,
                GetEnvironment = context.GetEnvironment,
            }, cancellationToken);

            Render(report, parseResult.GetValue(format) ?? "table", context);
            return Task.FromResult((int)(report.HasErrors ? ExitCode.Findings : ExitCode.Clean));
        });
        return command;
    }

    // The same HTTP stack as outdated/fix: one HttpClient, the cache under {home}/cache/http.
    private static CachedHttpFetcher CreateFetcher(string? home, bool offline, CliContext context)
    {
        var pyfleetHome = context.ResolveHome(home);
        pyfleetHome.EnsureExists();
        var handler = new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        return new CachedHttpFetcher(client, new HttpFetchOptions { CacheDirectory = Path.Combine(pyfleetHome.CacheDirectory, "http"), Offline = offline }, context.Clock);
    }

    private static void Render(LintReport report, string format, CliContext context)
    {
        switch (format)
        {
            case "json":
                WriteRaw(context, stream => LintJsonWriter.Write(report, stream));
                break;
            case "sarif":
                var version = typeof(LintCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
                WriteRaw(context, stream => SarifLintWriter.Write(report, stream, context.CurrentDirectory, version));
                break;
            default:
                RenderTable(report, context);
                break;
        }
    }

    // JSON goes to stdout raw, not through Spectre (which would wrap long lines).
    private static void WriteRaw(CliContext context, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void RenderTable(LintReport report, CliContext context)
    {
        if (report.Findings.Count == 0)
        {
            context.Console.MarkupLine($"[green]No findings[/] in {report.Files.Count} file(s).");
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
        context.Console.MarkupLine($"{report.Count(LintSeverity.Error)} error(s), {report.Count(LintSeverity.Warning)} warning(s) in {report.Files.Count} file(s).");
    }
}
