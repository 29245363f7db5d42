using System.Diagnostics;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Application.Advisories;
using Pyfleet.Core.Application.Audit.Internal;
using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Application.Audit;

/// <summary>
/// One audit, from inputs to a sink: resolves the inputs (<see cref="InventorySourceResolver"/>), makes the advisory
/// database ready (read once; synced first when empty) and compiles its index on another core meanwhile, then
/// audits one environment at a time into the <see cref="IAuditSink"/> (a fleet audit never exists whole in memory).
/// Inputs that could not be read are reported "not checked" in the sink and counted in the summary.
/// </summary>
public sealed class AuditRun(InventorySourceResolver resolver, Func<AdvisoryDatabaseService> openDatabase, TimeProvider clock)
{
    private const int ReadAheadCapacity = 16;

    /// <summary>Runs the audit; <paramref name="openSink"/> is called once the advisory data is known.</summary>
    public async Task<AuditSummary> RunAsync(AuditRunRequest request, Func<AuditRunHeader, IAuditSink> openSink, CancellationToken cancellationToken = default)
    {
        if (request.UseOsvApi && (request.Offline || request.Source is not null))
        {
            throw new PyfleetException("--osv-api asks the network for advisories: it cannot be combined with --offline or --source");
        }

        var asOf = request.AsOf ?? clock.GetUtcNow();
        var opening = Task.Run(() => Timed(request, "open database", openDatabase), cancellationToken);
        // In the usual case (a synced database) the index compiles on another core while the inputs are opened.
        // (A continuation, not an async lambda: its state machine would be compiled at run time.)
        var preparing = opening.ContinueWith(
            opened => Prepare(opened.GetAwaiter().GetResult(), request),
            cancellationToken,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        var inputs = resolver.Resolve(request.Inputs, request.InputOptions, cancellationToken);
        try
        {
            request.Phases?.Report(new AuditPhase("inputs"));
            var database = await opening;
            // Nothing readable: nothing to judge, so no database is needed (and no first sync is started for it).
            var (index, sources) = inputs.All(i => i.Kind == InventorySourceKind.Unreadable) ? Nothing()
                : request.UseOsvApi ? await QueryApiAsync(database, inputs, request, cancellationToken)
                : await ReadyIndexAsync(database, await preparing, request, cancellationToken);
            request.Phases?.Report(new AuditPhase("index"));

            // Each input is parsed on another core ahead of the audit; the first starts now.
            var readAhead = inputs.Select((input, i) => input with
            {
                Environments = i == 0 ? request.ReadAhead.Start(input.Environments, ReadAheadCapacity) : request.ReadAhead.OnFirstUse(input.Environments, ReadAheadCapacity),
            }).ToList();
            var auditor = new Auditor(index, new AuditOptions { AsOf = asOf, Target = request.Target, Platform = request.Platform, Suppressions = request.Suppressions });
            var summary = new AuditSummary();
            using (var sink = openSink(new AuditRunHeader(asOf, sources)))
            {
                Write(sink, summary, request.ReadAhead.Start(AuditSteps(auditor, readAhead), ReadAheadCapacity));
                sink.End(summary);
            }

            request.Phases?.Report(new AuditPhase("audit+write"));
            return summary;
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    private static void Write(IAuditSink sink, AuditSummary summary, IEnumerable<AuditStep> steps)
    {
        var environmentErrors = false;
        foreach (var step in steps)
        {
            switch (step)
            {
                case AuditStep.Begin begin:
                    environmentErrors = false;
                    sink.BeginInventory(new AuditInventoryHeader(begin.Input.Path, begin.Input.Host));
                    break;
                case AuditStep.Environment environment:
                    environmentErrors |= environment.Audit.Errors.Count > 0;
                    summary.Add(environment.Audit);
                    sink.Write(environment.Audit, environment.Inventory);
                    break;
                case AuditStep.End end:
                    if (end.Errors.Count > 0)
                    {
                        summary.AddNotChecked();
                    }

                    sink.EndInventory(new AuditInventoryOutcome(end.Warnings, end.Errors) { NotChecked = environmentErrors || end.Errors.Count > 0 });
                    end.Input.Dispose();
                    break;
            }
        }
    }

    private static IEnumerable<AuditStep> AuditSteps(Auditor auditor, IReadOnlyList<InventorySource> inputs)
    {
        foreach (var input in inputs)
        {
            var host = auditor.Begin(input.Host);
            yield return new AuditStep.Begin(input);
            var errors = new List<InputError>(input.Errors);
            using (var environments = input.Environments.GetEnumerator())
            {
                // A document that turns out corrupt far in: what was read stands, the rest is "not checked".
                while (Next(environments, input, errors) is { } environment)
                {
                    yield return new AuditStep.Environment(host.Audit(environment), environment);
                }
            }

            var warnings = input.Warnings.Select(w => $"{w.Path}: {w.Message}").Concat(host.Warnings).Distinct().ToList();
            yield return new AuditStep.End(input, warnings, errors);
        }
    }

    private static PythonEnvironment? Next(IEnumerator<PythonEnvironment> environments, InventorySource input, List<InputError> errors)
    {
        try
        {
            return environments.MoveNext() ? environments.Current : null;
        }
        catch (PyfleetException ex)
        {
            errors.Add(new InputError(ex.Path ?? input.Path, ex.Line, ex.Message));
            return null;
        }
    }

    /// <summary>Beside the inputs: the readiness check (one read of the store's sources) and, when ready, the index.</summary>
    private static (AdvisoryReadiness? Readiness, AdvisoryIndex? Index) Prepare(AdvisoryDatabaseService database, AuditRunRequest request)
    {
        if (request.UseOsvApi)
        {
            return (null, null);
        }

        var readiness = database.CheckReadiness(request.Source);
        return (readiness, readiness.Ready ? LoadIndex(database, request) : null);
    }

    private static async Task<(AdvisoryIndex, IReadOnlyList<AdvisorySourceState>)> ReadyIndexAsync(
        AdvisoryDatabaseService database, (AdvisoryReadiness? Readiness, AdvisoryIndex? Index) prepared, AuditRunRequest request, CancellationToken cancellationToken)
    {
        var readiness = prepared.Readiness!;
        var sources = readiness.Ready ? readiness.Synced : await database.EnsureReadyAsync(readiness, request.Offline, request.Notices, cancellationToken);
        if (database.AgeWarning(sources, request.MaxAgeDays) is { } old)
        {
            request.Notices?.Report(RunNotice.Warn(old));
        }

        return (prepared.Index ?? LoadIndex(database, request), sources);
    }

    private async Task<(AdvisoryIndex, IReadOnlyList<AdvisorySourceState>)> QueryApiAsync(
        AdvisoryDatabaseService database, IReadOnlyList<InventorySource> inputs, AuditRunRequest request, CancellationToken cancellationToken)
    {
        var queries = inputs.SelectMany(i => OsvApiLookup.QueriesFor(i.Host, i.Environments)).Distinct().ToList();
        var records = await database.QueryApiAsync(queries, request.Notices, cancellationToken);
        var location = UrlRedactor.Redact(database.Options.Osv.ApiUrl);
        return (AdvisoryIndex.Build(records, request.AsOf), [new AdvisorySourceState(location, location, null, null, null, clock.GetUtcNow(), records.Count)]);
    }

    private static (AdvisoryIndex, IReadOnlyList<AdvisorySourceState>) Nothing() => (AdvisoryIndex.Build([]), []);

    private static AdvisoryIndex LoadIndex(AdvisoryDatabaseService database, AuditRunRequest request) =>
        Timed(request, "load index", () => database.LoadIndex(request.AsOf));

    private static T Timed<T>(AuditRunRequest request, string name, Func<T> work)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        request.Phases?.Report(new AuditPhase(name, Stopwatch.GetElapsedTime(started)));
        return result;
    }
}
