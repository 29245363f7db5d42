using BenchmarkDotNet.Attributes;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Benchmarks.Storage;

/// <summary>
/// Storing and reading a fleet-sized snapshot (2,000 venvs x 100 packages, as bench/scanning generates them) without
/// the file system scan: the first scan into an empty store, the rescan of unchanged environments (the daily case:
/// nothing but the links is written), and reading one back.
/// Run: dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*SnapshotStore*' --job short
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SnapshotStoreBenchmarks
{
    private string _folder = "";
    private InventoryDocument _document = null!;
    private ISnapshotStore _rescanStore = null!;
    private long _storedId;
    private int _fresh;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("pyfleet-bench-store-").FullName;
        _document = new InventoryDocument
        {
            Host = new HostInfo { Name = "web1" },
            ScannedAt = DateTimeOffset.UnixEpoch,
            Environments = [.. Enumerable.Range(0, 2000).Select(Environment)],
        };
        _rescanStore = SqliteStore.Open(Path.Combine(_folder, "rescan.db")).Snapshots;
        _storedId = _rescanStore.SaveAsync(_document).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long SaveFirstScan() => SqliteStore.Open(Path.Combine(_folder, $"first-{_fresh++}.db")).Snapshots.SaveAsync(_document).GetAwaiter().GetResult();

    [Benchmark]
    public long SaveRescan() => _rescanStore.SaveAsync(_document).GetAwaiter().GetResult();

    [Benchmark]
    public int Load() => _rescanStore.LoadAsync(_storedId).GetAwaiter().GetResult().Environments.Count;

    private static PythonEnvironment Environment(int e)
    {
        var path = $"/srv/app{e:0000}/.venv";
        var site = $"{path}/lib/python3.11/site-packages";
        return new PythonEnvironment
        {
            Path = path,
            Kind = EnvironmentKinds.Venv,
            Python = new PythonRuntime("3.11.2"),
            Packages = [.. Enumerable.Range(0, 100).Select(p => new InventoryPackage
            {
                Name = $"pkg-{p:000}-{e % 7}",
                DisplayName = $"pkg_{p:000}_{e % 7}",
                Version = $"{1 + (p % 5)}.{e % 11}.{p % 3}",
                Installer = "pip",
                Location = $"{site}/pkg_{p:000}_{e % 7}-{1 + (p % 5)}.{e % 11}.{p % 3}.dist-info",
                Requested = p % 2 == 0,
            })],
        };
    }
}
