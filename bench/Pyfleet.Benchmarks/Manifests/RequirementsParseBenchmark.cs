using BenchmarkDotNet.Attributes;
using Pyfleet.Core.Manifests.Requirements;

namespace Pyfleet.Benchmarks.Manifests;

/// <summary>Parses a generated 5,000-line hash-pinned requirements file (pip-compile --generate-hashes shape).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class RequirementsParseBenchmark
{
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-bench-").FullName, "requirements.txt");
        using var writer = new StreamWriter(_path);
        var lines = 0;
        for (var i = 0; lines < 5_000; i++)
        {
            writer.WriteLine($"package-{i}=={i % 40}.{i % 7}.{i % 13} \\");
            writer.WriteLine($"    --hash=sha256:{i:x64} \\");
            writer.WriteLine($"    --hash=sha256:{i + 1_000_000:x64}");
            writer.WriteLine($"    # via package-{i + 1}");
            lines += 4;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Benchmark]
    public int Parse() => RequirementsParser.Parse(_path).Entries.Count;
}
