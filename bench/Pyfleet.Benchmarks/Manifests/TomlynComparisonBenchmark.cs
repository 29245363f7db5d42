using System.Text;
using BenchmarkDotNet.Attributes;
using Tomlyn;
using Tomlyn.Parsing;

namespace Pyfleet.Benchmarks.Manifests;

/// <summary>
/// Issue 12/17: our TOML reader (<c>Core/Toml</c>) against Tomlyn 2.11.1 on the same 10 MB generated <c>uv.lock</c>
/// text as <see cref="UvLockParseBenchmark"/>. <c>TomlynEvents</c> is the least a façade over Tomlyn would cost
/// (every event read, every string and key decoded); <c>TomlynModel</c> is Tomlyn's own table model.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TomlynComparisonBenchmark
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
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

        _text = text.ToString();
    }

    [Benchmark(Baseline = true)]
    public int Ours() => Core.Toml.TomlParser.Parse(_text).Count;

    [Benchmark]
    public int TomlynEvents()
    {
        var parser = TomlParser.Create(_text, new TomlParserOptions { Mode = TomlParserMode.Strict }, new TomlSerializerOptions { MaxDepth = 128 });
        var count = 0;
        while (parser.MoveNext())
        {
            var kind = parser.Current.Kind;
            if (kind == TomlParseEventKind.String)
            {
                count += parser.GetString().Length & 1;
            }
            else if (kind == TomlParseEventKind.PropertyName)
            {
                count += parser.GetPropertyName().Length & 1;
            }
        }

        return count;
    }

    [Benchmark]
    public int TomlynModel() => TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(_text)!.Count;
}
