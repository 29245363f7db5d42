using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Storage.Advisories;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Storage.Tests.Advisories;

public sealed class SqliteAdvisoryStoreTests : IDisposable
{
    private static readonly string SmallZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "small-pypi.zip");
    private readonly string _directory = Directory.CreateTempSubdirectory("pyfleet-adv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private SqliteAdvisoryStore OpenStore() => new(SqliteStore.Open(Path.Combine(_directory, "pyfleet.db")));

    private AdvisorySyncer Syncer(SqliteAdvisoryStore store, HttpClient client) =>
        new(store, new ConditionalDownloader(client, new HttpRetryOptions { MaxRetries = 0 }), Path.Combine(_directory, "cache"), TimeProvider.System);

    [Fact]
    public async Task WarmUp_WhileAStoreOpens_TouchesNoStoreAndLeavesItWorking()
    {
        var warming = Task.Run(SqliteStore.WarmUp);
        var store = OpenStore();
        await warming;
        Assert.Empty(store.LoadAll());
        Assert.Equal(["pyfleet.db"], Directory.GetFiles(_directory, "*.db").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Sync_LocalZip_StoresRecordsIndexedByPackage()
    {
        var store = OpenStore();
        using var client = new HttpClient();
        var outcome = await Syncer(store, client).SyncAsync(AdvisorySource.Parse(SmallZip, _directory));
        Assert.Equal(23, outcome.Records);
        var all = store.LoadAll();
        Assert.Equal(23, all.Count);
        Assert.Contains(all, r => r.Id == "PYSEC-2024-70" && r.Affected![0].Ranges!.Count > 0);
        var state = Assert.Single(store.Sources());
        Assert.Equal(23, state.RecordCount);
        Assert.NotNull(state.Cursor);
    }

    [Fact]
    public async Task Sync_CorruptZipAfterGoodOne_PreviousDatabaseIntactAndSaid()
    {
        var store = OpenStore();
        using var client = new HttpClient();
        var zip = Path.Combine(_directory, "all.zip");
        File.Copy(SmallZip, zip);
        await Syncer(store, client).SyncAsync(AdvisorySource.Parse(zip, _directory));

        var bytes = File.ReadAllBytes(SmallZip);
        File.WriteAllBytes(zip, bytes.AsSpan(0, bytes.Length / 2).ToArray()); // truncated: no central directory
        var ex = await Assert.ThrowsAsync<PyfleetException>(() => Syncer(store, client).SyncAsync(AdvisorySource.Parse(zip, _directory)));
        Assert.Contains("previous advisory database is intact (23 records", ex.Message, StringComparison.Ordinal);
        Assert.Equal(23, store.LoadAll().Count);
    }

    [Fact]
    public async Task Sync_ZipOfNonOsvJson_RefusedAndNothingStored()
    {
        var store = OpenStore();
        using var client = new HttpClient();
        var zip = Path.Combine(_directory, "junk.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            for (var i = 0; i < 3; i++)
            {
                using var writer = new StreamWriter(archive.CreateEntry($"X-{i}.json").Open());
                writer.Write("{\"not\": \"osv\"");
            }
        }

        var ex = await Assert.ThrowsAsync<PyfleetException>(() => Syncer(store, client).SyncAsync(AdvisorySource.Parse(zip, _directory)));
        Assert.Contains("nothing was stored", ex.Message, StringComparison.Ordinal);
        Assert.Empty(store.LoadAll());
    }

    [Fact]
    public async Task Bundle_ExportThenImportElsewhere_SameRecordsAndTamperingRejected()
    {
        var store = OpenStore();
        using var client = new HttpClient();
        await Syncer(store, client).SyncAsync(AdvisorySource.Parse(SmallZip, _directory));
        var bundle = Path.Combine(_directory, "bundle.zip");
        Assert.Equal(23, AdvisoryBundle.Export(store, bundle, DateTimeOffset.UtcNow));

        var other = new SqliteAdvisoryStore(SqliteStore.Open(Path.Combine(_directory, "other.db")));
        Assert.Equal(23, AdvisoryBundle.Import(other, bundle, DateTimeOffset.UtcNow));
        Assert.Equal(store.LoadAll().Select(r => r.Id).Order(), other.LoadAll().Select(r => r.Id).Order());

        // Tamper with one record: the hash check refuses the bundle and the imported data stays.
        using (var archive = System.IO.Compression.ZipFile.Open(bundle, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("records/PYSEC-2024-70.json")!;
            var record = OsvJson.Deserialize(ReadAll(entry));
            entry.Delete();
            using var stream = archive.CreateEntry("records/PYSEC-2024-70.json").Open();
            stream.Write(OsvJson.Serialize(record with { Summary = "tampered" }));
        }

        var ex = Assert.Throws<PyfleetException>(() => AdvisoryBundle.Import(other, bundle, DateTimeOffset.UtcNow));
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
        Assert.Equal(23, other.LoadAll().Count);
    }

    private static byte[] ReadAll(System.IO.Compression.ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
