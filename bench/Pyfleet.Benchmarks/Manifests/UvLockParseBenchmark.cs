using System.Text;
using BenchmarkDotNet.Attributes;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.UvLock;

namespace Pyfleet.Benchmarks.Manifests;

/// <summary>Reads a generated 10 MB <c>uv.lock</c> (registry packages with sdist and wheel hashes, dependencies).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class UvLockParseBenchmark
{
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-bench-").FullName, "uv.lock");
        var text = new StringBuilder("version = 1\nrevision = 3\nrequires-python = \">=3.11\"\n");
        for (var i = 0; text.Length < 10 * 1024 * 1024; i++)
        {
            text.Append($"\n[[package]]\nname = \"package-{i}\"\nversion = \"{i % 40}.{i % 7}.{i % 13}\"\n")
                .Append("source = { registry = \"https://pypi.org/simple\" }\n")
                .Append($"dependencies = [\n    {{ name = \"package-{i + 1}\" }},\n    {{ name = \"package-{i + 2}\", marker = \"python_full_version < '3.12'\" }},\n]\n")
                .Append($"sdist = {{ url = \"https://files.pythonhosted.org/packages/ab/cd/package_{i}-1.0.tar.gz\", hash = \"sha256:{i:x64}\", size = {i * 7}, upload-time = \"2024-10-14T14:31:44.123Z\" }}\n")
                .Append("wheels = [\n");
            for (var w = 0; w < 3; w++)
            {
                text.Append($"    {{ url = \"https://files.pythonhosted.org/packages/ab/cd/package_{i}-1.0-cp31{w}-cp31{w}-manylinux_2_17_x86_64.whl\", hash = \"sha256:{i * 3 + w:x64}\", size = {i * 11 + w}, upload-time = \"2024-10-14T14:31:42Z\" }},\n");
            }

            text.Append("]\n");
        }

        File.WriteAllText(_path, text.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Benchmark]
    public int Read() => new UvLockReader().Read(_path, ManifestReadOptions.Default).Environment.Packages.Count;
}
