using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Http;
using Pyfleet.Core.Storage;
using Spectre.Console;

namespace Pyfleet.Cli.Commands.Sync;

/// <summary>
/// Opens the advisory part of the store and runs syncs for the <c>sync</c> and <c>audit</c> verbs. Sources come
/// from <c>--source</c>, else <c>osv.source</c> in config.toml / <c>PYFLEET_OSV_SOURCE</c> (comma-separated list),
/// else the OSV bucket's PyPI export.
/// </summary>
internal sealed class AdvisoryDatabase : IDisposable
{
    private readonly IPyfleetStore _store;
    private readonly CliContext _context;

    public AdvisoryDatabase(CliContext context, string? explicitHome, string? explicitDatabase)
    {
        _context = context;
        Home = context.ResolveHome(explicitHome);
        Home.EnsureExists();
        Config = PyfleetConfig.Load(Home, context.GetEnvironment);
        _store = CliStore.Open(context, Home, explicitDatabase);
        Store = _store.Advisories;
    }

    public PyfleetHome Home { get; }
    public PyfleetConfig Config { get; }
    public IAdvisoryStore Store { get; }

    /// <summary>Where the store is (shown redacted).</summary>
    public DatabaseLocation Location => _store.Location;

    public void Dispose() => _store.Dispose();

    /// <summary>The configured sources when no <c>--source</c> is given.</summary>
    public IReadOnlyList<AdvisorySource> ConfiguredSources(string? explicitSource)
    {
        var texts = explicitSource is { Length: > 0 } ? [explicitSource] : Config.GetList("osv.source");
        return (texts.Count == 0 ? [AdvisorySource.DefaultPyPIUrl] : texts)
            .Select(t => AdvisorySource.Parse(t, _context.CurrentDirectory)).ToList();
    }

    /// <summary>The OSV API for on-demand audits: <c>osv.api-url</c> (or <c>PYFLEET_OSV_API_URL</c>), else api.osv.dev.</summary>
    public Uri ApiBaseUri => Config.GetString("osv.api-url") is { Length: > 0 } url
        ? new Uri(url.EndsWith('/') ? url : url + "/")
        : OsvApiClient.DefaultBaseUri;

    /// <summary>Asks the OSV API for <paramref name="queries"/> and fetches the full records it names.</summary>
    public async Task<IReadOnlyList<OsvRecord>> QueryApiAsync(IReadOnlyList<OsvQuery> queries, CancellationToken cancellationToken)
    {
        using var http = CreateHttpClient(TimeSpan.FromSeconds(Config.GetInteger("http.timeout-seconds", 60)));
        await _context.Stderr.WriteLineAsync($"asking the OSV API ({UrlRedactor.Redact(ApiBaseUri)}) about {queries.Count} package versions");
        var records = await OsvApiLookup.FetchAsync(new OsvApiClient(http, ApiBaseUri, RetryOptions()), queries, parallelism: 8, cancellationToken);
        await _context.Stderr.WriteLineAsync($"OSV API: {records.Count} advisories");
        return records;
    }

    /// <summary>Syncs one source, printing progress (a bar on a terminal) and the outcome on stderr.</summary>
    public async Task<SyncOutcome> SyncAsync(AdvisorySource source, bool full, CancellationToken cancellationToken)
    {
        using var http = CreateHttpClient(Timeout.InfiniteTimeSpan);
        var syncer = new AdvisorySyncer(Store, new ConditionalDownloader(http, RetryOptions()), Home.CacheDirectory, _context.Clock);
        await _context.Stderr.WriteLineAsync($"syncing advisories from {source.Key}");
        SyncOutcome outcome;
        if (_context.IsInteractive && source.Kind == AdvisorySourceKind.RemoteZip)
        {
            outcome = await _context.Console.Progress().StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("download");
                var progress = new Progress<SyncProgress>(p =>
                {
                    task.MaxValue = p.Total ?? Math.Max(task.MaxValue, p.Done);
                    task.Value = p.Done;
                });
                return await syncer.SyncAsync(source, full, progress, cancellationToken);
            });
        }
        else
        {
            outcome = await syncer.SyncAsync(source, full, null, cancellationToken);
        }

        foreach (var warning in outcome.Warnings.Take(20))
        {
            await _context.Stderr.WriteLineAsync($"warning: {warning}");
        }

        if (outcome.Warnings.Count > 20)
        {
            await _context.Stderr.WriteLineAsync($"warning: ... and {outcome.Warnings.Count - 20} more");
        }

        await _context.Stderr.WriteLineAsync($"{source.Key}: {outcome.Message}");
        return outcome;
    }

    private static HttpClient CreateHttpClient(TimeSpan timeout)
    {
        var http = new HttpClient { Timeout = timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("pyfleet/0.1 (+https://github.com/pyfleet)");
        return http;
    }

    private HttpRetryOptions RetryOptions() => new()
    {
        MaxRetries = (int)Config.GetInteger("http.retries", 3),
        BaseDelay = TimeSpan.FromMilliseconds(Config.GetInteger("http.retry-delay-ms", 1000)),
    };
}
