using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Advisories;

/// <summary>The advisory store contract, run against each engine (subclasses below).</summary>
public abstract class AdvisoryStoreTests<TProvider>(TProvider provider) : StoreTestBase<TProvider>(provider)
    where TProvider : StoreProvider
{
    private static readonly string SmallZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "small-pypi.zip");
    private readonly string _directory = Directory.CreateTempSubdirectory("pyfleet-adv-").FullName;

    private IAdvisoryStore Advisories => Store.Advisories;

    [Fact]
    public async Task LoadAll_NewStore_IsEmptyBothWays()
    {
        Assert.Empty(await Advisories.LoadAllAsync());
        Assert.Empty(Advisories.LoadAll());
        Assert.Empty(await Advisories.GetSourcesAsync());
        Assert.Empty(Advisories.Sources());
    }

    [Fact]
    public async Task Sync_LocalZip_StoresEveryRecordAndTheSourceState()
    {
        var outcome = await SyncAsync(Advisories, SmallZip);

        Assert.Equal(23, outcome.Records);
        var all = await Advisories.LoadAllAsync();
        Assert.Equal(23, all.Count);
        Assert.Contains(all, r => r.Id == "PYSEC-2024-70" && r.Affected![0].Ranges!.Count > 0);
        Assert.Equal(all.Select(r => r.Id), Advisories.LoadAll().Select(r => r.Id));
        var state = Assert.Single(await Advisories.GetSourcesAsync());
        Assert.Equal(23, state.RecordCount);
        Assert.NotNull(state.Cursor);
        Assert.Equal(state, Assert.Single(Advisories.Sources()));
    }

    [Fact]
    public async Task ReplaceSource_StateWithEveryField_ReadsBackTheSame()
    {
        var state = new AdvisorySourceState("https://osv.example/PyPI/all.zip", "https://osv.example/PyPI/all.zip", "\"etag-1\"",
            Utc(2026, 11, 1, 8), "ab12", Utc(2026, 11, 2, 9).AddTicks(1230), 1, Utc(2026, 10, 31, 23).AddTicks(4560));

        await Advisories.ReplaceSourceAsync(state, [Record("PYSEC-1", Utc(2026, 10, 31, 23))]);

        Assert.Equal(state, Assert.Single(await Advisories.GetSourcesAsync()));
    }

    [Fact]
    public async Task ReplaceSource_AgainWithFewerRecords_KeepsOnlyTheNewOnes()
    {
        await Advisories.ReplaceSourceAsync(State("a", 2), [Record("PYSEC-1"), Record("PYSEC-2")]);
        await Advisories.ReplaceSourceAsync(State("b", 1), [Record("GHSA-b")]);

        await Advisories.ReplaceSourceAsync(State("a", 1), [Record("PYSEC-3", withdrawn: Utc(2026, 1, 2, 3))]);

        var all = await Advisories.LoadAllAsync();
        Assert.Equal(["PYSEC-3", "GHSA-b"], all.Select(r => r.Id));
        Assert.Equal(Utc(2026, 1, 2, 3), all[0].Withdrawn);
    }

    [Fact]
    public async Task ReplaceSource_SameIdTwice_KeepsTheLastCopy()
    {
        await Advisories.ReplaceSourceAsync(State("a", 2), [Record("PYSEC-1", summary: "first"), Record("PYSEC-1", summary: "second")]);

        Assert.Equal("second", Assert.Single(await Advisories.LoadAllAsync()).Summary);
    }

    [Fact]
    public async Task Upsert_ChangedAndNewRecords_ReplacesThoseAndRecountsTheSource()
    {
        await Advisories.ReplaceSourceAsync(State("a", 2), [Record("PYSEC-1", summary: "old"), Record("PYSEC-2")]);

        await Advisories.UpsertAsync(State("a", 0) with { ETag = "\"2\"" }, [Record("PYSEC-1", summary: "new"), Record("PYSEC-9")]);

        var all = await Advisories.LoadAllAsync();
        Assert.Equal(["PYSEC-1", "PYSEC-2", "PYSEC-9"], all.Select(r => r.Id));
        Assert.Equal("new", all[0].Summary);
        var state = Assert.Single(await Advisories.GetSourcesAsync());
        Assert.Equal((3, "\"2\""), (state.RecordCount, state.ETag));
    }

    [Fact]
    public async Task LoadAllAndSources_MixedCaseKeysAndIds_AreInOrdinalOrderOnEveryEngine()
    {
        await Advisories.ReplaceSourceAsync(State("b", 3), [Record("pysec-1"), Record("PYSEC-2"), Record("_x")]);
        await Advisories.ReplaceSourceAsync(State("B", 1), [Record("GHSA-1")]);

        Assert.Equal(["B", "b"], (await Advisories.GetSourcesAsync()).Select(s => s.Key));
        Assert.Equal(["GHSA-1", "PYSEC-2", "_x", "pysec-1"], (await Advisories.LoadAllAsync()).Select(r => r.Id));
    }

    [Fact]
    public async Task Sync_CorruptZipAfterGoodOne_PreviousDatabaseIntactAndSaid()
    {
        var zip = Path.Combine(_directory, "all.zip");
        File.Copy(SmallZip, zip);
        await SyncAsync(Advisories, zip);

        var bytes = File.ReadAllBytes(SmallZip);
        File.WriteAllBytes(zip, bytes.AsSpan(0, bytes.Length / 2).ToArray()); // truncated: no central directory
        var ex = await Assert.ThrowsAsync<PyfleetException>(() => SyncAsync(Advisories, zip));

        Assert.Contains("previous advisory database is intact (23 records", ex.Message, StringComparison.Ordinal);
        Assert.Equal(23, (await Advisories.LoadAllAsync()).Count);
    }

    [Fact]
    public async Task Sync_ZipOfNonOsvJson_RefusedAndNothingStored()
    {
        var zip = Path.Combine(_directory, "junk.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            for (var i = 0; i < 3; i++)
            {
                using var writer = new StreamWriter(archive.CreateEntry($"X-{i}.json").Open());
                writer.Write("{\"not\": \"osv\"");
            }
        }

        var ex = await Assert.ThrowsAsync<PyfleetException>(() => SyncAsync(Advisories, zip));

        Assert.Contains("nothing was stored", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Advisories.LoadAllAsync());
    }

    [Fact]
    public async Task Bundle_ExportThenImportElsewhere_SameRecordsAndTamperingRejected()
    {
        await SyncAsync(Advisories, SmallZip);
        var bundle = Path.Combine(_directory, "bundle.zip");
        Assert.Equal(23, await AdvisoryBundle.ExportAsync(Advisories, bundle, DateTimeOffset.UtcNow));

        var other = (await OpenAnotherAsync()).Advisories;
        Assert.Equal(23, await AdvisoryBundle.ImportAsync(other, bundle, DateTimeOffset.UtcNow));
        Assert.Equal((await Advisories.LoadAllAsync()).Select(r => r.Id).Order(), (await other.LoadAllAsync()).Select(r => r.Id).Order());

        // Tamper with one record: the hash check refuses the bundle and the imported data stays.
        using (var archive = System.IO.Compression.ZipFile.Open(bundle, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("records/PYSEC-2024-70.json")!;
            var record = OsvJson.Deserialize(ReadAll(entry));
            entry.Delete();
            using var stream = archive.CreateEntry("records/PYSEC-2024-70.json").Open();
            stream.Write(OsvJson.Serialize(record with { Summary = "tampered" }));
        }

        var ex = await Assert.ThrowsAsync<PyfleetException>(() => AdvisoryBundle.ImportAsync(other, bundle, DateTimeOffset.UtcNow));
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
        Assert.Equal(23, (await other.LoadAllAsync()).Count);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<SyncOutcome> SyncAsync(IAdvisoryStore store, string zip)
    {
        using var http = new HttpStack(new HttpOptions { Retries = 0 });
        var syncer = new AdvisorySyncer(store, new ConditionalDownloader(http), Path.Combine(_directory, "cache"), TimeProvider.System);
        return await syncer.SyncAsync(AdvisorySource.Parse(zip, _directory));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static AdvisorySourceState State(string key, int count) => new(key, key, null, null, null, Utc(2026, 11, 1, 0), count, null);

    private static OsvRecord Record(string id, DateTimeOffset? modified = null, DateTimeOffset? withdrawn = null, string? summary = null) =>
        new() { Id = id, Modified = modified ?? Utc(2026, 1, 1, 0), Withdrawn = withdrawn, Summary = summary };

    private static byte[] ReadAll(System.IO.Compression.ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

public sealed class SqliteAdvisoryStoreTests(SqliteProvider provider) : AdvisoryStoreTests<SqliteProvider>(provider);

public sealed class PostgresAdvisoryStoreTests(PostgresProvider provider) : AdvisoryStoreTests<PostgresProvider>(provider);
