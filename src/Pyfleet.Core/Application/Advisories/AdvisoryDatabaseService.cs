using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Storage;

namespace Pyfleet.Core.Application.Advisories;

/// <summary>
/// The advisory database for every host: which sources are configured, whether the store has them (read once per
/// question), the first sync of an empty database, syncing with progress, the compiled index, and on-demand
/// lookups in the OSV API. Sources come from the caller's explicit source, else <see cref="OsvOptions.Sources"/>.
/// </summary>
public sealed class AdvisoryDatabaseService(IAdvisoryStore store, AdvisoryDatabaseOptions options, TimeProvider clock)
{
    public IAdvisoryStore Store => store;

    public AdvisoryDatabaseOptions Options => options;

    /// <summary>The sources to use: <paramref name="explicitSource"/> when given, else the configured ones.</summary>
    public IReadOnlyList<AdvisorySource> ConfiguredSources(string? explicitSource) =>
        (explicitSource is { Length: > 0 } ? [explicitSource] : options.Osv.Sources)
            .Select(t => AdvisorySource.Parse(t, options.CurrentDirectory)).ToList();

    /// <summary>Reads the store's sources once and says what is missing of what is asked for.</summary>
    public AdvisoryReadiness CheckReadiness(string? explicitSource)
    {
        var synced = store.Sources();
        // With no explicit source, any synced data will do (the configured default may be a remote the user replaced).
        var missing = synced.Count == 0 || explicitSource is not null
            ? ConfiguredSources(explicitSource).Where(s => !synced.Any(x => x.Key == s.Key)).ToList()
            : [];
        return new AdvisoryReadiness(synced, missing);
    }

    /// <summary>
    /// Makes the database ready for an audit: syncs the missing sources first (offline: only local ones may be
    /// used; else the error says how to get data onto the machine) and returns the sources now stored.
    /// </summary>
    public async Task<IReadOnlyList<AdvisorySourceState>> EnsureReadyAsync(AdvisoryReadiness readiness, bool offline, IProgress<RunNotice>? notices, CancellationToken cancellationToken)
    {
        if (readiness.Ready)
        {
            return readiness.Synced;
        }

        var usable = offline ? readiness.Missing.Where(s => s.Kind != AdvisorySourceKind.RemoteZip).ToList() : readiness.Missing;
        if (usable.Count == 0)
        {
            throw new PyfleetException($"--offline: the local advisory database ({options.DatabaseDisplay}) is empty and the configured source is remote. " +
                "Run 'pyfleet sync' while online, 'pyfleet sync --import bundle.zip', or point PYFLEET_OSV_SOURCE / --source at a local OSV all.zip");
        }

        notices?.Report(RunNotice.Info("the advisory database is empty: syncing it first (one time)"));
        foreach (var source in usable)
        {
            await SyncAsync(source, full: false, notices, null, cancellationToken);
        }

        return await store.GetSourcesAsync(cancellationToken);
    }

    /// <summary>Syncs one source; its warnings (at most 20, then a count) and outcome go to <paramref name="notices"/>.</summary>
    public async Task<SyncOutcome> SyncAsync(AdvisorySource source, bool full, IProgress<RunNotice>? notices, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        using var http = CreateHttpStack();
        var syncer = new AdvisorySyncer(store, new ConditionalDownloader(http), options.CacheDirectory, clock);
        notices?.Report(RunNotice.Info($"syncing advisories from {source.Key}"));
        var outcome = await syncer.SyncAsync(source, full, progress, cancellationToken);
        foreach (var warning in outcome.Warnings.Take(20))
        {
            notices?.Report(RunNotice.Warn(warning.ToString()!));
        }

        if (outcome.Warnings.Count > 20)
        {
            notices?.Report(RunNotice.Warn($"... and {outcome.Warnings.Count - 20} more"));
        }

        notices?.Report(RunNotice.Info($"{source.Key}: {outcome.Message}"));
        return outcome;
    }

    /// <summary>Compiles every stored record into the matching index (as of <paramref name="asOf"/> when given).</summary>
    // (Synchronous on purpose: see IAdvisoryStore.LoadAll; the audit calls it on a worker-thread continuation.)
    public AdvisoryIndex LoadIndex(DateTimeOffset? asOf) => AdvisoryIndex.Build(store.LoadAll(), asOf);

    /// <summary>A warning when the newest sync is older than <see cref="OsvOptions.MaxAgeDays"/> (or <paramref name="maxAgeDays"/>).</summary>
    public string? AgeWarning(IReadOnlyList<AdvisorySourceState> sources, int? maxAgeDays = null)
    {
        if (sources.Count == 0)
        {
            return null;
        }

        var days = maxAgeDays ?? options.Osv.MaxAgeDays;
        var newest = sources.Max(s => s.SyncedAt);
        var age = clock.GetUtcNow() - newest;
        return age > TimeSpan.FromDays(days)
            ? $"the advisory database is {(int)age.TotalDays} days old (last sync {newest:yyyy-MM-dd}, --max-age {days}); run 'pyfleet sync' for current advisories"
            : null;
    }

    /// <summary>Asks the OSV API for <paramref name="queries"/> and fetches the full records it names.</summary>
    public async Task<IReadOnlyList<OsvRecord>> QueryApiAsync(IReadOnlyList<OsvQuery> queries, IProgress<RunNotice>? notices, CancellationToken cancellationToken)
    {
        using var http = CreateHttpStack();
        notices?.Report(RunNotice.Info($"asking the OSV API ({UrlRedactor.Redact(options.Osv.ApiUrl)}) about {queries.Count} package versions"));
        var records = await OsvApiLookup.FetchAsync(new OsvApiClient(http, options.Osv.ApiUrl), queries, parallelism: 8, cancellationToken);
        notices?.Report(RunNotice.Info($"OSV API: {records.Count} advisories"));
        return records;
    }

    private HttpStack CreateHttpStack() => new(options.Http, clock, options.GetEnvironment);
}
