using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Storage.Inventory;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Storage.Tests.Inventory;

public sealed class SnapshotStoreTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Inventory");
    private readonly string _directory = Directory.CreateTempSubdirectory("pyfleet-snap-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DatabasePath => Path.Combine(_directory, "pyfleet.db");

    [Fact]
    public void Load_AfterSave_ReturnsExactlyTheSavedJson()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var document = Document(Venv("/srv/a/.venv", "django", "4.2.7"), Declared(), System());

        var id = store.Save(document);

        Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(store.Load(id)));
    }

    [Fact]
    public void Load_AfterSaveOfNoEnvironments_ReturnsTheHeaderAndWarnings()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var document = Document();

        var loaded = store.Load(store.Save(document));

        Assert.Empty(loaded.Environments);
        Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(loaded));
    }

    [Fact]
    public void Save_UnchangedEnvironments_AreStoredOnceAndSharedBySnapshots()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var first = Document(Venv("/srv/a/.venv", "django", "4.2.7"), Venv("/srv/b/.venv", "flask", "3.0.0"), Declared());
        var second = first with
        {
            ScannedAt = first.ScannedAt.AddDays(1),
            Environments = [first.Environments[0], Venv("/srv/b/.venv", "flask", "3.0.3"), first.Environments[2]],
        };

        var firstId = store.Save(first);
        var secondId = store.Save(second);
        var thirdId = store.Save(second);

        Assert.Equal(4, Count("environment_documents")); // three from the first scan, one changed environment after
        Assert.Equal(9, Count("snapshot_environments"));
        Assert.Equal(InventoryJson.Serialize(first), InventoryJson.Serialize(store.Load(firstId)));
        Assert.Equal(InventoryJson.Serialize(second), InventoryJson.Serialize(store.Load(secondId)));
        Assert.Equal(InventoryJson.Serialize(second), InventoryJson.Serialize(store.Load(thirdId)));
    }

    [Fact]
    public void Save_SameEnvironmentTwiceInOneScan_IsStoredOnceAndReadTwice()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var environment = Venv("/srv/a/.venv", "django", "4.2.7");
        var document = Document(environment, environment);

        var loaded = store.Load(store.Save(document));

        Assert.Equal(1, Count("environment_documents"));
        Assert.Equal(2, loaded.Environments.Count);
        Assert.Equal(InventoryJson.Serialize(document), InventoryJson.Serialize(loaded));
    }

    [Fact]
    public void Open_StoreWrittenBeforeMigration0101_KeepsItsSnapshotsReadableAndListed()
    {
        // Written by pyfleet before 0101 (`scan srv --format json` twice): whole documents, layout 1.
        File.Copy(Path.Combine(Fixtures, "store-before-0101.db"), DatabasePath);
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));

        var newId = store.Save(InventoryJson.Deserialize(File.ReadAllText(Path.Combine(Fixtures, "snapshot-2.json"))));

        Assert.Equal(3, newId);
        Assert.Equal([3L, 2L, 1L], store.List().Select(s => s.Id));
        Assert.Equal(6, store.List().Single(s => s.Id == 1).PackageCount);
        foreach (var (id, file) in new[] { (1L, "snapshot-1.json"), (2L, "snapshot-2.json"), (3L, "snapshot-2.json") })
        {
            var expected = File.ReadAllText(Path.Combine(Fixtures, file)).TrimEnd('\n');
            Assert.Equal(expected, InventoryJson.Serialize(store.Load(id), indented: false));
        }
    }

    [Fact]
    public void Save_PerEnvironmentRow_FailsLoudlyInAPyfleetFromBefore0101()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var id = store.Save(Document(Venv("/srv/a/.venv", "django", "4.2.7")));

        // What Load did before 0101: the whole document from snapshots.document. A downgraded Pyfleet must not
        // show this snapshot as one with no environments.
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT document FROM snapshots WHERE id = {id}";
        var compressed = (byte[])command.ExecuteScalar()!;
        using var reader = new StreamReader(new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));

        Assert.Throws<PyfleetException>(() => InventoryJson.Deserialize(reader.ReadToEnd()));
    }

    [Fact]
    public void Load_UnknownId_IsAnInputError()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));

        var error = Assert.Throws<PyfleetException>(() => store.Load(42));

        Assert.Contains("no snapshot with id 42", error.Message);
    }

    [Fact]
    public void Load_DamagedEnvironment_IsAnErrorNamingTheSnapshot()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var id = store.Save(Document(Venv("/srv/a/.venv", "django", "4.2.7")));
        Execute("UPDATE environment_documents SET content = x'1f8b0800000000000000ffff'");

        var error = Assert.Throws<PyfleetException>(() => store.Load(id));

        Assert.Contains($"snapshot {id} is damaged", error.Message);
        Assert.Equal(DatabasePath, error.Path);
    }

    [Fact]
    public void Load_MissingEnvironmentRows_IsAnErrorNotAShorterDocument()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var id = store.Save(Document(Venv("/srv/a/.venv", "django", "4.2.7"), Venv("/srv/b/.venv", "flask", "3.0.0")));
        Execute("DELETE FROM snapshot_environments WHERE ordinal = 1");

        var error = Assert.Throws<PyfleetException>(() => store.Load(id));

        Assert.Contains("1 of its 2 environments", error.Message);
    }

    [Fact]
    public void Load_LayoutFromANewerPyfleet_IsAnErrorNotAGuess()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        var id = store.Save(Document());
        Execute("UPDATE snapshots SET layout = 9");

        var error = Assert.Throws<PyfleetException>(() => store.Load(id));

        Assert.Contains("layout 9", error.Message);
    }

    [Fact]
    public void LatestAndList_SeveralHosts_FilterAndOrderNewestFirst()
    {
        var store = new SnapshotStore(SqliteStore.Open(DatabasePath));
        Assert.Null(store.Latest());
        var web = store.Save(Document(Venv("/srv/a/.venv", "django", "4.2.7")));
        var db = store.Save(Document() with { Host = new HostInfo { Name = "db1" } });

        Assert.Equal(db, store.Latest());
        Assert.Equal(web, store.Latest("web1"));
        Assert.Equal([db, web], store.List().Select(s => s.Id));
        Assert.Equal((1, 1, 1), store.List().Single(s => s.Id == web) is var s ? (s.EnvironmentCount, s.PackageCount, s.WarningCount) : default);
    }

    private static InventoryDocument Document(params PythonEnvironment[] environments) => new()
    {
        Host = new HostInfo { Name = "web1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)") },
        ScannedAt = new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.FromHours(1)),
        Environments = environments,
        Warnings = [new ScanWarning("/srv/c/METADATA", "not UTF-8: \u00e9")],
    };

    private static PythonEnvironment Venv(string path, string name, string version) => new()
    {
        Path = path,
        Kind = EnvironmentKinds.Venv,
        Python = new PythonRuntime("3.11.2"),
        Labels = ["shop"],
        Packages = [new InventoryPackage { Name = name, DisplayName = name, Version = version, Installer = "pip", Location = path + "/lib", Requested = true }],
    };

    private static PythonEnvironment Declared() => new()
    {
        Path = "/srv/a/requirements.txt",
        Kind = EnvironmentKinds.Requirements,
        Packages = [new InventoryPackage { Name = "six", Specifier = ">=1.16", Extras = ["x"], Marker = "python_version >= '3.8'", Hashes = ["sha256:00"] }],
        Constraints = [new InventoryPackage { Name = "urllib3", Specifier = "<2" }],
    };

    private static PythonEnvironment System() => new()
    {
        Path = "/usr",
        Kind = EnvironmentKinds.System,
        Python = new PythonRuntime("3.11.2"),
        Packages =
        [
            new InventoryPackage
            {
                Name = "requests",
                Version = "2.28.1",
                Installer = "debian",
                OsPackage = new OsPackageInfo("dpkg", "python3-requests", "2.28.1+dfsg-1", "requests"),
                ShadowedBy = "/usr/local/lib/python3.11/dist-packages/requests-2.31.0.dist-info",
            },
        ],
    };

    private long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
