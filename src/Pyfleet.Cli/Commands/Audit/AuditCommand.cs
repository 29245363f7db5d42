using System.CommandLine;
using System.Globalization;
using Pyfleet.Cli.Commands.Sync;
using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Packaging.Markers;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary><c>pyfleet audit [PATH ...]</c>: known vulnerabilities of what the paths describe, and what fixes them.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Folders to scan (venvs, site-packages, requirements and lock files), inventory documents (pyfleet scan --format json), single manifests, or snapshot:ID (default: .)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "table, json, " + string.Join(", ", AuditReportOutput.Formats), DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(["table", "json", .. AuditReportOutput.Formats]);
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 only for findings at or above low|medium|high|critical (unknown severity counts as meeting any threshold); default: any finding" };
        var asOf = new Option<string?>("--as-of") { Description = "Judge as on this date (YYYY-MM-DD): later advisories and withdrawals are ignored, suppressions expire against it" };
        var offline = new Option<bool>("--offline") { Description = "Never touch the network; use the local database (or a local --source)" };
        var maxAge = new Option<int?>("--max-age") { Description = "Warn when the local database is older than this many days (default: osv.max-age-days, 7)" };
        var source = new Option<string?>("--source") { Description = "Advisory source used when the database is empty (default: PYFLEET_OSV_SOURCE / osv.source, else the OSV PyPI export)" };
        var python = new Option<string?>("--python") { Description = "Target Python (3.11) for evaluating lock-file markers" };
        var platform = new Option<string?>("--platform") { Description = "Target platform (linux, win32, darwin) for evaluating markers" };
        var osvApi = new Option<bool>("--osv-api") { Description = "Ask the OSV API (osv.api-url, default https://api.osv.dev/) about these packages instead of using the local database" };
        var command = new Command("audit", "Report known vulnerabilities (OSV) and their minimal fixes") { paths, format, failOn, asOf, offline, maxAge, source, python, platform, osvApi };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var timings = new PhaseTimings(context);
            using var noCollections = NoGcRegion.TryEnter(context, NoGcRegion.InputBytes(parseResult.GetValue(paths) ?? [], context.CurrentDirectory));
            var threshold = AuditFormatting.ParseThreshold(parseResult.GetValue(failOn));
            var date = ParseAsOf(parseResult.GetValue(asOf)) ?? context.Clock.GetUtcNow();
            var explicitSource = parseResult.GetValue(source);
            var useApi = parseResult.GetValue(osvApi);
            if (useApi && (parseResult.GetValue(offline) || explicitSource is not null))
            {
                throw new PyfleetException("--osv-api asks the network for advisories: it cannot be combined with --offline or --source");
            }

            var indexAsOf = parseResult.GetValue(asOf) is null ? (DateTimeOffset?)null : date;
            // On another core while the inputs are opened: the database, and in the usual case (a synced database)
            // the compiled advisories. Null index: the API is asked, or the database must be synced first.
            var home = parseResult.GetValue(GlobalOptions.Home);
            var opening = Task.Run(
                () =>
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var opened = new AdvisoryDatabase(context, home, parseResult.GetValue(GlobalOptions.Database));
                    timings.Report("open database", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                    return opened;
                },
                cancellationToken);
            // (A continuation, not an async lambda: its state machine would be compiled at run time.)
            var preloading = useApi ? Task.FromResult<AdvisoryIndex?>(null) : opening.ContinueWith(
                opened =>
                {
                    var database = opened.GetAwaiter().GetResult();
                    return IsReady(database, database.Store.Sources(), explicitSource) ? LoadIndex(database, indexAsOf, timings) : null;
                },
                cancellationToken,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);

            var inputWarnings = new List<string>();
            // Shared strings without collections (every new string would be fresh memory, and the auditor's caches
            // then see the same instances again); with collections, short-lived copies are cheaper than a pool
            // that every collection has to walk.
            var inputs = AuditInputs.Read(parseResult.GetValue(paths) ?? [], context, inputWarnings, parseResult.GetValue(GlobalOptions.Home), shareStrings: noCollections is not null, parseResult.GetValue(GlobalOptions.Database));
            foreach (var warning in inputWarnings)
            {
                await context.Stderr.WriteLineAsync($"warning: {warning}");
            }

            timings.Mark("inputs");
            using var database = await opening;
            Task<AdvisoryIndex?> indexing;

            IReadOnlyList<AdvisorySourceState> sources;
            if (useApi)
            {
                var queries = inputs.SelectMany(i => OsvApiLookup.QueriesFor(i.Host, i.Environments)).Distinct().ToList();
                var records = await database.QueryApiAsync(queries, cancellationToken);
                indexing = Task.FromResult<AdvisoryIndex?>(AdvisoryIndex.Build(records, indexAsOf));
                var location = UrlRedactor.Redact(database.ApiBaseUri);
                sources = [new AdvisorySourceState(location, location, null, null, null, context.Clock.GetUtcNow(), records.Count)];
            }
            else
            {
                sources = database.Store.Sources();
                if (IsReady(database, sources, explicitSource))
                {
                    indexing = preloading;
                }
                else
                {
                    await SyncFirstAsync(context, database, parseResult.GetValue(offline), explicitSource, cancellationToken);
                    indexing = Task.FromResult<AdvisoryIndex?>(LoadIndex(database, indexAsOf, timings));
                    sources = database.Store.Sources();
                }

                WarnIfOld(context, sources, parseResult.GetValue(maxAge) ?? (int)database.Config.GetInteger("osv.max-age-days", 7));
            }

            // Each input is parsed on another core ahead of the audit (a few environments ahead: what waits in a queue
            // survives a collection and costs more than it saves); the first starts now, while the advisories compile.
            inputs = [.. inputs.Select((input, i) => input with { Environments = i == 0 ? Prefetch.Start(input.Environments, 16) : Prefetch.OnFirstUse(input.Environments, 16) })];
            // (Compiled here only if a sync finished between the two readiness checks.)
            var index = await indexing ?? LoadIndex(database, indexAsOf, timings);
            timings.Mark("index");
            var options = new AuditOptions
            {
                AsOf = date,
                Target = parseResult.GetValue(python) is { } py ? MarkerEnvironment.For(py, parseResult.GetValue(platform) ?? "linux") : null,
                Platform = parseResult.GetValue(platform) ?? "linux",
                Suppressions = SuppressionFile.Load(Path.Combine(context.CurrentDirectory, SuppressionFile.FileName)),
            };
            var auditor = new Auditor(index, options);
            var summary = new AuditSummary();
            using (IAuditOutput output = parseResult.GetValue(format) switch
            {
                "json" => new AuditJsonWriter(context.Stdout, date, sources, indented: context.IsInteractive),
                "table" or null => new AuditTableWriter(context.Console),
                var report => new AuditReportOutput(context, report, date),
            })
            {
                // One environment at a time from input to output (a fleet audit never exists whole in memory), in
                // three stages on their own threads: parse (Prefetch above), audit, and write here.
                foreach (var step in Prefetch.Start(AuditSteps(auditor, inputs), capacity: 16))
                {
                    switch (step)
                    {
                        case AuditStep.Begin begin:
                            output.BeginInventory(begin.Input.Path, begin.Input.Host);
                            break;
                        case AuditStep.Environment environment:
                            summary.Add(environment.Audit);
                            output.Write(environment.Audit, environment.Inventory);
                            break;
                        case AuditStep.End end:
                            output.EndInventory(end.Warnings);
                            end.Input.Resource?.Dispose();
                            break;
                    }
                }

                output.End(summary);
            }

            timings.Mark("audit+write");

            var failing = summary.Fails(threshold);
            return (int)(failing ? ExitCode.Findings : ExitCode.Clean);
        });
        return command;
    }

    private static IEnumerable<AuditStep> AuditSteps(Auditor auditor, IReadOnlyList<AuditInput> inputs)
    {
        foreach (var input in inputs)
        {
            var host = auditor.Begin(input.Host);
            yield return new AuditStep.Begin(input);
            foreach (var environment in input.Environments)
            {
                yield return new AuditStep.Environment(host.Audit(environment), environment);
            }

            yield return new AuditStep.End(input, host.Warnings);
        }
    }

    private static AdvisoryIndex LoadIndex(AdvisoryDatabase database, DateTimeOffset? asOf, PhaseTimings timings)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var records = database.Store.LoadAll();
        var loaded = System.Diagnostics.Stopwatch.GetTimestamp();
        var index = AdvisoryIndex.Build(records, asOf);
        timings.Report("load records", System.Diagnostics.Stopwatch.GetElapsedTime(started, loaded));
        timings.Report("build index", System.Diagnostics.Stopwatch.GetElapsedTime(loaded));
        return index;
    }

    /// <summary>True when <paramref name="synced"/> (the database's sources) covers every source asked for: no sync needed first.</summary>
    private static bool IsReady(AdvisoryDatabase database, IReadOnlyList<AdvisorySourceState> synced, string? explicitSource) =>
        synced.Count > 0 && (explicitSource is null || database.ConfiguredSources(explicitSource).All(s => synced.Any(x => x.Key == s.Key)));

    /// <summary>
    /// First run: an empty database is synced from the default source, with a message. Offline, only a local
    /// source may be used; otherwise the error says how to get data onto the machine.
    /// </summary>
    private static async Task SyncFirstAsync(CliContext context, AdvisoryDatabase database, bool offline, string? explicitSource, CancellationToken cancellationToken)
    {
        var configured = database.ConfiguredSources(explicitSource);
        var usable = offline ? configured.Where(s => s.Kind != AdvisorySourceKind.RemoteZip).ToList() : configured;
        if (usable.Count == 0)
        {
            throw new PyfleetException($"--offline: the local advisory database ({database.Location}) is empty and the configured source is remote. " +
                "Run 'pyfleet sync' while online, 'pyfleet sync --import bundle.zip', or point PYFLEET_OSV_SOURCE / --source at a local OSV all.zip");
        }

        await context.Stderr.WriteLineAsync("the advisory database is empty: syncing it first (one time)");
        foreach (var item in usable)
        {
            await database.SyncAsync(item, full: false, cancellationToken);
        }
    }

    private static void WarnIfOld(CliContext context, IReadOnlyList<AdvisorySourceState> sources, int maxAgeDays)
    {
        var newest = sources.Max(s => s.SyncedAt);
        var age = context.Clock.GetUtcNow() - newest;
        if (age > TimeSpan.FromDays(maxAgeDays))
        {
            context.Stderr.WriteLine($"warning: the advisory database is {(int)age.TotalDays} days old (last sync {newest:yyyy-MM-dd}, --max-age {maxAgeDays}); run 'pyfleet sync' for current advisories");
        }
    }

    private static DateTimeOffset? ParseAsOf(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero)
            : throw new PyfleetException($"--as-of must be a date YYYY-MM-DD, not '{text}'");
}
