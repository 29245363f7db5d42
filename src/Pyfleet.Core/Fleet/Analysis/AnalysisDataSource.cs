using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Storage;

namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// Where the server's analysis gets its data: the store's synced advisories (the same rows <c>pyfleet sync</c>
/// writes, so a sync by the CLI into the same store is seen) and the endoflife.date copy that <c>pyfleet eol sync</c>
/// keeps in the data folder. <see cref="VersionAsync"/> is cheap (the sources' states and one file); the compiled
/// data is rebuilt only when the version changes.
/// </summary>
public sealed class AnalysisDataSource(IAdvisoryStore? advisories, string? eolDirectory, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (AnalysisData Data, PairJudge Judge)? _current;

    /// <summary>The version of the data as it is now in the store and the EOL folder.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder("v1");
        if (advisories is not null)
        {
            foreach (var source in await advisories.GetSourcesAsync(cancellationToken))
            {
                text.Append(CultureInfo.InvariantCulture, $"|{source.Key}|{source.Sha256}|{source.SyncedAt.ToUnixTimeMilliseconds()}|{source.RecordCount}|{source.Cursor?.ToUnixTimeMilliseconds()}");
            }
        }

        if (EolStamp() is { } stamp)
        {
            // EOL dates pass without any data changing: the day is part of the version when there is EOL data.
            text.Append(CultureInfo.InvariantCulture, $"|eol|{stamp}|{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 8);
    }

    /// <summary>The data and its judge for the current version (loaded again only when the version moved).</summary>
    public async Task<PairJudge> CurrentAsync(CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        if (_current is { } cached && cached.Data.Version == version)
        {
            return cached.Judge;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } again && again.Data.Version == version)
            {
                return again.Judge;
            }

            var data = await LoadAsync(version, cancellationToken);
            var judge = new PairJudge(data, clock.GetUtcNow());
            _current = (data, judge);
            return judge;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AnalysisData> LoadAsync(string version, CancellationToken cancellationToken)
    {
        AdvisoryIndex? index = null;
        if (advisories is not null && (await advisories.GetSourcesAsync(cancellationToken)).Count > 0)
        {
            index = AdvisoryIndex.Build(await advisories.LoadAllAsync(cancellationToken));
        }

        var products = new Dictionary<string, EolProduct>(StringComparer.Ordinal);
        if (eolDirectory is not null && Directory.Exists(eolDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(eolDirectory, "*.json"))
            {
                try
                {
                    if (JsonSerializer.Deserialize(await File.ReadAllBytesAsync(file, cancellationToken), EolJsonContext.Default.EolProduct) is { } product)
                    {
                        products[product.Name] = product;
                    }
                }
                catch (JsonException)
                {
                    // A damaged product file judges nothing: its packages stay "unknown", never "supported".
                }
            }
        }

        return new AnalysisData(version, index, products, EolProductMap.From(products.Values), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    private string? EolStamp()
    {
        if (eolDirectory is null)
        {
            return null;
        }

        var stamp = Path.Combine(eolDirectory, ".synced");
        try
        {
            return File.Exists(stamp) ? File.ReadAllText(stamp).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
