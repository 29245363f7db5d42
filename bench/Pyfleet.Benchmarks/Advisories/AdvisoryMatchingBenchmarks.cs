using BenchmarkDotNet.Attributes;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Benchmarks.Advisories;

/// <summary>
/// Matching alone, per package, against the real OSV PyPI export: <see cref="MatchOnePackage"/> evaluates every
/// advisory rule of one (name, version) one by one; <see cref="MatchOnePackageSegmentIndex"/> answers the same with
/// the per-package <see cref="PackageMatcher"/> the Auditor uses; <see cref="AuditThousandPackages"/>
/// runs the Auditor over 1,000 distinct pins (matching, alias merge, minimal fix; no output).
/// Run: dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*AdvisoryMatching*' --job short
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class AdvisoryMatchingBenchmarks
{
    private AdvisoryIndex _index = null!;
    private (string Name, EcosystemVersion Version)[] _pins = [];
    private InventoryDocument _inventory = null!;
    private Dictionary<string, PackageMatcher> _matchers = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var zip = FindExport();
        _index = AdvisoryIndex.Build(OsvZipLoader.Load(zip).Records);
        var random = new Random(42);
        _pins = _index.Advisories
            .SelectMany(a => a.Record.Affected ?? [])
            .Where(a => a.Package?.Ecosystem == "PyPI" && a.Versions is { Count: > 0 })
            .Select(a => (AdvisoryIndex.NormalizeName("PyPI", a.Package!.Name!), a.Versions![random.Next(a.Versions.Count)]))
            .OrderBy(_ => random.Next()).Take(1000)
            .Select(p => (p.Item1, EcosystemVersion.Create(p.Item2, VersionScheme.Pep440)))
            .ToArray();
        _matchers = _pins.Select(p => p.Name).Distinct().ToDictionary(n => n, n => new PackageMatcher(_index.RulesFor("PyPI", n)));
        _inventory = new InventoryDocument
        {
            Host = new HostInfo { Name = "bench" },
            ScannedAt = DateTimeOffset.UnixEpoch,
            Environments = [new PythonEnvironment { Path = "/bench", Kind = "venv", Packages = [.. _pins.Select(p => new InventoryPackage { Name = p.Name, Version = p.Version.Raw })] }],
        };
    }

    [Benchmark]
    public int MatchOnePackage()
    {
        var (name, version) = _pins[_next++ % _pins.Length];
        var matched = 0;
        foreach (var rule in _index.RulesFor("PyPI", name))
        {
            if (rule.IsAffected(version))
            {
                matched++;
            }
        }

        return matched;
    }

    [Benchmark]
    public int MatchOnePackageSegmentIndex()
    {
        var (name, version) = _pins[_next++ % _pins.Length];
        return _matchers[name].Match(version).Count;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int AuditThousandPackages() =>
        new Auditor(_index, new AuditOptions { AsOf = DateTimeOffset.UnixEpoch }).Audit(_inventory).Environments[0].Packages.Count;

    private static string FindExport()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", "osv", "PyPI", "all.zip");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Environment.GetEnvironmentVariable("PYFLEET_OSV_ZIP") ?? throw new InvalidOperationException("shared/data/osv/PyPI/all.zip not found");
    }
}
