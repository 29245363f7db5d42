using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Storage;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>
/// Syncs one source into the store: fetch (conditional GET for remote zips, incremental through
/// <c>modified_id.csv</c> when a cursor exists), verify (zip integrity, every record read as OSV, counts), then
/// replace the source's records in one transaction. Any failure before the commit leaves the previous
/// database intact, and the error says so.
/// </summary>
public sealed class AdvisorySyncer
{
    /// <summary>Below this share of readable records a download is treated as corrupt, not as data.</summary>
    public const double MinimumReadableShare = 0.9;

    private readonly IAdvisoryStore _store;
    private readonly ConditionalDownloader _downloader;
    private readonly string _cacheDirectory;
    private readonly TimeProvider _clock;

    public AdvisorySyncer(IAdvisoryStore store, ConditionalDownloader downloader, string cacheDirectory, TimeProvider clock)
    {
        _store = store;
        _downloader = downloader;
        _cacheDirectory = cacheDirectory;
        _clock = clock;
    }

    /// <summary>Syncs <paramref name="source"/>; <paramref name="full"/> skips the incremental path.</summary>
    public async Task<SyncOutcome> SyncAsync(AdvisorySource source, bool full = false, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var previous = (await _store.GetSourcesAsync(cancellationToken)).FirstOrDefault(s => s.Key == source.Key);
        try
        {
            return source.Kind switch
            {
                AdvisorySourceKind.LocalZip => await ReplaceAsync(source, OsvZipLoader.Load(source.Location, cancellationToken), null, Sha256Of(source.Location), cancellationToken),
                AdvisorySourceKind.YamlTree => await ReplaceAsync(source, PypaYamlLoader.Load(source.Location, cancellationToken), null, null, cancellationToken),
                _ => await SyncRemoteAsync(source, previous, full, progress, cancellationToken),
            };
        }
        catch (PyfleetException ex)
        {
            var kept = previous is null
                ? "nothing was stored"
                : $"the previous advisory database is intact ({previous.RecordCount} records synced {previous.SyncedAt:yyyy-MM-dd HH:mm} UTC)";
            throw new PyfleetException($"sync failed, {kept}: {ex.Message}", ex.Path ?? source.Key, ex.Line, ex);
        }
    }

    private async Task<SyncOutcome> SyncRemoteAsync(AdvisorySource source, AdvisorySourceState? previous, bool full, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var uri = new Uri(source.Location);
        if (!full && previous?.Cursor is { } cursor)
        {
            var incremental = await ModifiedIdUpdater.TryUpdateAsync(_downloader, uri, previous, cursor, _clock, cancellationToken);
            if (incremental is not null)
            {
                await _store.UpsertAsync(incremental.State, incremental.Records, cancellationToken);
                return new SyncOutcome(source.Key, incremental.Records.Count == 0, incremental.State.RecordCount, 0, incremental.Warnings,
                    incremental.Records.Count == 0 ? "up to date (modified_id.csv lists nothing newer)" : $"{incremental.Records.Count} records updated from modified_id.csv");
            }
        }

        var cachePath = Path.Combine(_cacheDirectory, "osv", CacheFileName(source.Key));
        var validators = previous is not null && File.Exists(cachePath) ? new CacheValidators(previous.ETag, previous.LastModified) : null;
        var download = await _downloader.DownloadAsync(uri, cachePath, validators,
            progress is null ? null : new Progress<(long Done, long? Total)>(p => progress.Report(new SyncProgress("download", p.Done, p.Total))), cancellationToken);
        if (download.NotModified)
        {
            return new SyncOutcome(source.Key, true, previous?.RecordCount ?? 0, 0, [], "unchanged on the server (304 Not Modified)");
        }

        try
        {
            var loaded = OsvZipLoader.Load(download.TempPath!, cancellationToken);
            var outcome = await ReplaceAsync(source, loaded, download.Validators, download.Sha256, cancellationToken);
            AtomicFile.Replace(download.TempPath!, cachePath); // keep the verified zip for --export and the next 304
            return outcome;
        }
        finally
        {
            AtomicFile.TryDelete(download.TempPath);
        }
    }

    private async Task<SyncOutcome> ReplaceAsync(AdvisorySource source, OsvLoadResult loaded, CacheValidators? validators, string? sha256, CancellationToken cancellationToken)
    {
        Verify(loaded, source.Key);
        var cursor = loaded.Records.Count == 0 ? (DateTimeOffset?)null : loaded.Records.Max(r => r.Modified);
        var state = new AdvisorySourceState(source.Key, source.Key, validators?.ETag, validators?.LastModified, sha256, _clock.GetUtcNow(), loaded.Records.Count, cursor);
        await _store.ReplaceSourceAsync(state, loaded.Records, cancellationToken);
        var withdrawn = loaded.Records.Count(r => r.Withdrawn is not null);
        return new SyncOutcome(source.Key, false, loaded.Records.Count, withdrawn, loaded.Warnings,
            $"{loaded.Records.Count} advisories stored ({withdrawn} withdrawn kept but not reported, {loaded.Warnings.Count} warnings)");
    }

    /// <summary>Counts check: an empty source or one where most entries fail to read is corrupt, not data.</summary>
    private static void Verify(OsvLoadResult loaded, string key)
    {
        if (loaded.EntriesSeen == 0)
        {
            throw new PyfleetException("no OSV records found", key);
        }

        if (loaded.Records.Count < loaded.EntriesSeen * MinimumReadableShare)
        {
            throw new PyfleetException($"only {loaded.Records.Count} of {loaded.EntriesSeen} records are readable OSV; refusing to replace the database", key);
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static string CacheFileName(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16] + ".zip";
}
