using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Storage;

namespace Pyfleet.Server.Tests.Support;

/// <summary>The analysis's data from fixture files: OSV records into a store's advisory tables, an endoflife.date copy into a folder.</summary>
internal static class AnalysisFixtures
{
    /// <summary>Replaces source <c>fixtures</c> with the records of <c>Fixtures/Advisories/{set}</c> (a new data version each time).</summary>
    public static async Task SeedAdvisoriesAsync(IAdvisoryStore store, string set, DateTimeOffset at)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", set);
        var records = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => OsvJson.Deserialize(File.ReadAllBytes(f))).ToList();
        await store.ReplaceSourceAsync(new AdvisorySourceState("fixtures", folder, null, null, set, at, records.Count), records);
    }

    /// <summary>Imports <c>Fixtures/Lifecycle</c> (django, python) the way <c>pyfleet eol sync --source</c> does, into <paramref name="storeDirectory"/>.</summary>
    public static async Task ImportLifecycleAsync(string storeDirectory)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle");
        using var fetcher = new CachedHttpFetcher(new HttpClient(), new HttpFetchOptions { CacheDirectory = Path.Combine(storeDirectory, "..", "http"), Offline = true });
        await new EolClient(fetcher, new Uri(source), storeDirectory).ImportAsync(source, default);
    }
}
