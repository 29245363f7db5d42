using BenchmarkDotNet.Attributes;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Benchmarks.Packaging;

/// <summary>
/// Evaluates every advisory's ECOSYSTEM ranges (OSV schema "Evaluation", FORMATS.md §6.2: events sorted by version,
/// introduced/fixed/last_affected state walk, limit) for a fixed set of installed versions.
/// Run: <c>dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*RangeEvaluationBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class RangeEvaluationBenchmarks
{
    private ParsedRange[] _ranges = [];
    private Pep440Version[] _installed = [];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = OsvVersionCorpus.Load();
        _ranges = [.. corpus.AdvisoryRanges.SelectMany(r => r).Select(ParsedRange.From)];
        _installed = [.. new[] { "0.1", "1.0", "1.2.3", "2.0rc1", "2.31.0", "3.0.0.dev1", "4.2.15", "5.0.8", "10.0", "2024.1.1" }
            .Select(Pep440Version.Parse)];
        Console.WriteLine($"// {_ranges.Length} ECOSYSTEM ranges from {corpus.Advisories} advisories, {_installed.Length} installed versions");
    }

    /// <summary>Number of (range, version) pairs that are affected.</summary>
    [Benchmark]
    public int EvaluateAllRanges()
    {
        var affected = 0;
        foreach (var range in _ranges)
        {
            foreach (var version in _installed)
            {
                if (range.Contains(version))
                {
                    affected++;
                }
            }
        }

        return affected;
    }

    /// <summary>A range with its events parsed and sorted once; "0" is before everything.</summary>
    private sealed class ParsedRange
    {
        private readonly (int Kind, Pep440Version? Version)[] _events;
        private readonly Pep440Version?[] _limits;

        private ParsedRange((int Kind, Pep440Version? Version)[] events, Pep440Version?[] limits)
        {
            _events = events;
            _limits = limits;
        }

        public static ParsedRange From(OsvRange range)
        {
            var events = new List<(int Kind, Pep440Version? Version)>();
            var limits = new List<Pep440Version?>();
            foreach (var (kind, text) in range.Events)
            {
                Pep440Version? version = text == "0" ? null : (Pep440Version.TryParse(text, out var v) ? v : null);
                if (text != "0" && version is null)
                {
                    continue; // unparseable: skipped here (a real matcher reports it)
                }

                switch (kind)
                {
                    case "introduced": events.Add((0, version)); break;
                    case "fixed": events.Add((1, version)); break;
                    case "last_affected": events.Add((2, version)); break;
                    case "limit": limits.Add(text == "*" ? null : version); break;
                }
            }

            events.Sort((a, b) => a.Version is null ? (b.Version is null ? 0 : -1) : a.Version.CompareTo(b.Version));
            return new ParsedRange([.. events], [.. limits]);
        }

        public bool Contains(Pep440Version version)
        {
            if (_limits.Length > 0)
            {
                var below = false;
                foreach (var limit in _limits)
                {
                    below |= limit is null || version < limit;
                }

                if (!below)
                {
                    return false;
                }
            }

            var affected = false;
            foreach (var (kind, bound) in _events)
            {
                var atOrAfter = bound is null || version >= bound;
                switch (kind)
                {
                    case 0 when atOrAfter: affected = true; break;
                    case 1 when atOrAfter: affected = false; break;
                    case 2 when bound is not null && version > bound: affected = false; break;
                }
            }

            return affected;
        }
    }
}
