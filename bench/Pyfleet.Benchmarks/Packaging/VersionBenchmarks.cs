using BenchmarkDotNet.Attributes;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Benchmarks.Packaging;

/// <summary>
/// PEP 440 parsing, sorting and comparison over every version string of the OSV PyPI export.
/// Run: <c>dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*VersionBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class VersionBenchmarks
{
    private string[] _strings = [];
    private Pep440Version[] _parsed = [];
    private Pep440Version[] _sortBuffer = [];
    private Pep440Version _left = null!;
    private Pep440Version _right = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = OsvVersionCorpus.Load();
        _strings = [.. corpus.Versions];
        _parsed = [.. _strings.Select(s => Pep440Version.TryParse(s, out var v) ? v : null).OfType<Pep440Version>()];
        _sortBuffer = new Pep440Version[_parsed.Length];
        _left = Pep440Version.Parse("2.31.0rc1.post2.dev3+local.7");
        _right = Pep440Version.Parse("2.31.0rc1.post2.dev3+local.8");
        Console.WriteLine($"// corpus: {corpus.Advisories} advisories, {_strings.Length} version strings, {_parsed.Length} valid");
    }

    /// <summary>Parses every string once (divide the mean by the string count for the per-parse cost).</summary>
    [Benchmark]
    public int ParseAll()
    {
        var valid = 0;
        foreach (var text in _strings)
        {
            if (Pep440Version.TryParse(text, out _))
            {
                valid++;
            }
        }

        return valid;
    }

    /// <summary>Sorts every parsed version (copy, then Array.Sort with the PEP 440 comparer).</summary>
    [Benchmark]
    public Pep440Version SortAll()
    {
        Array.Copy(_parsed, _sortBuffer, _parsed.Length);
        Array.Sort(_sortBuffer, VersionComparer.Default);
        return _sortBuffer[0];
    }

    /// <summary>One comparison of two versions that differ only in the last local segment (worst case).</summary>
    [Benchmark]
    public int CompareTwo() => _left.CompareTo(_right);
}
