using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Tests.Providers;

namespace Pyfleet.Storage.Tests.Snapshots;

/// <summary>The shared snapshot suite on SQLite, plus the SQLite files written by older Pyfleets.</summary>
public sealed class SqliteSnapshotStoreTests(SqliteProvider provider) : SnapshotStoreTests<SqliteProvider>(provider)
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Snapshots");

    [Fact]
    public async Task Open_StoreWrittenBeforeMigration0101_KeepsItsSnapshotsReadableAndListed()
    {
        // Written by pyfleet before 0101 (`scan srv --format json` twice): whole documents, layout 1.
        var path = Path.Combine(Provider.Folder, "before-0101.db");
        File.Copy(Path.Combine(Fixtures, "store-before-0101.db"), path);
        var store = (await OpenAsync(DatabaseLocation.Sqlite(path))).Snapshots;

        var newId = await store.SaveAsync(InventoryJson.Deserialize(File.ReadAllText(Path.Combine(Fixtures, "snapshot-2.json"))));

        Assert.Equal(3, newId);
        Assert.Equal([3L, 2L, 1L], (await store.ListAsync()).Select(s => s.Id));
        Assert.Equal(6, (await store.ListAsync()).Single(s => s.Id == 1).PackageCount);
        foreach (var (id, file) in new[] { (1L, "snapshot-1.json"), (2L, "snapshot-2.json"), (3L, "snapshot-2.json") })
        {
            // (Read and written again: a field added to the contract since, such as "errors", is written as empty.)
            var expected = InventoryJson.Serialize(InventoryJson.Deserialize(File.ReadAllText(Path.Combine(Fixtures, file))), indented: false);
            Assert.Equal(expected, InventoryJson.Serialize(await store.LoadAsync(id), indented: false));
        }
    }

    [Fact]
    public async Task Save_PerEnvironmentRow_FailsLoudlyInAPyfleetFromBefore0101()
    {
        var id = await Snapshots.SaveAsync(SnapshotDocuments.Document(SnapshotDocuments.Venv("/srv/a/.venv", "django", "4.2.7")));

        // What Load did before 0101: the whole document from snapshots.document. A downgraded Pyfleet must not
        // show this snapshot as one with no environments.
        using var connection = new SqliteConnection($"Data Source={Location.SqlitePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT document FROM snapshots WHERE id = {id}";
        var compressed = (byte[])command.ExecuteScalar()!;
        using var reader = new StreamReader(new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));

        Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize(reader.ReadToEnd()));
    }
}
