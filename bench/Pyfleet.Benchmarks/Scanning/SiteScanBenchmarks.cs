using BenchmarkDotNet.Attributes;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Scanning.Internal;

namespace Pyfleet.Benchmarks.Scanning;

/// <summary>
/// The scanner's inner loops on a generated tree (pip layout, 6 KB METADATA): one header read, and one whole
/// scan of 20 venvs x 100 packages. Run: dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*SiteScan*' --job short
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SiteScanBenchmarks
{
    private string _root = "";
    private string _metadata = "";

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("pyfleet-bench-").FullName;
        var description = string.Concat(Enumerable.Range(0, 60).Select(i => $"Paragraph {i}: this project does useful things; see the documentation.\n"));
        for (var e = 0; e < 20; e++)
        {
            var env = Path.Combine(_root, $"app{e:00}", ".venv");
            var site = Path.Combine(env, "lib", "python3.11", "site-packages");
            Directory.CreateDirectory(site);
            File.WriteAllText(Path.Combine(env, "pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n");
            for (var p = 0; p < 100; p++)
            {
                var info = Path.Combine(site, $"pkg_{p:000}-1.{e}.0.dist-info");
                Directory.CreateDirectory(info);
                File.WriteAllText(Path.Combine(info, "METADATA"), $"Metadata-Version: 2.1\nName: pkg_{p:000}\nVersion: 1.{e}.0\nSummary: s\n\n{description}");
                File.WriteAllText(Path.Combine(info, "INSTALLER"), "pip\n");
                File.WriteAllText(Path.Combine(info, "RECORD"), "");
                _metadata = Path.Combine(info, "METADATA");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public string? ReadOneMetadataHeader() => MetadataHeaderReader.ReadFile(_metadata).Name;

    [Benchmark]
    public int ScanTwentyVenvs() => new EnvironmentScanner().Scan(new ScanOptions { Paths = [_root] }).Environments.Sum(e => e.Packages.Count);
}
