using Pyfleet.Core.Auditing;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// Judges distinct (name, version) pairs with the engine <c>audit</c> uses (<see cref="Auditor"/> over the same
/// advisory index: alias groups merged, most severe first) and the endoflife.date cycles <c>outdated</c> uses.
/// Verdicts are cached for the life of one <see cref="AnalysisData"/>: the fleet repeats the same pins.
/// </summary>
public sealed class PairJudge
{
    private readonly Auditor? _auditor;
    private readonly EolEvaluator _eol;
    private readonly Dictionary<(string, string), IReadOnlyList<PairFinding>> _cache = [];
    private readonly Lock _lock = new();

    public PairJudge(AnalysisData data, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = data;
        _auditor = data.Index is { } index ? new Auditor(index, new AuditOptions { AsOf = now }) : null;
        _eol = new EolEvaluator(data.AsOf);
    }

    public AnalysisData Data { get; }

    /// <summary>The findings of every pair (an empty list for a pair with none).</summary>
    public IReadOnlyDictionary<(string Name, string Version), IReadOnlyList<PairFinding>> Judge(IEnumerable<(string Name, string Version)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        lock (_lock)
        {
            var result = new Dictionary<(string Name, string Version), IReadOnlyList<PairFinding>>();
            var unknown = new List<(string Name, string Version)>();
            foreach (var pair in pairs)
            {
                if (_cache.TryGetValue(pair, out var known))
                {
                    result[pair] = known;
                }
                else if (!result.ContainsKey(pair))
                {
                    result[pair] = [];
                    unknown.Add(pair);
                }
            }

            if (unknown.Count > 0)
            {
                var vulnerabilities = Vulnerabilities(unknown);
                foreach (var pair in unknown)
                {
                    var findings = vulnerabilities.GetValueOrDefault(pair) ?? [];
                    if (EndOfLife(pair) is { } eol)
                    {
                        findings.Add(eol);
                    }

                    _cache[pair] = result[pair] = findings;
                }
            }

            return result;
        }
    }

    private Dictionary<(string, string), List<PairFinding>> Vulnerabilities(List<(string Name, string Version)> pairs)
    {
        var found = new Dictionary<(string, string), List<PairFinding>>();
        if (_auditor is null)
        {
            return found;
        }

        var environment = new PythonEnvironment
        {
            Path = "",
            Kind = EnvironmentKinds.Venv,
            Packages = pairs.Where(p => p.Name != InterpreterPair.Name).Select(p => new InventoryPackage { Name = p.Name, Version = p.Version }).ToList(),
        };
        var audit = _auditor.Begin(new HostInfo { Name = "" }).Audit(environment);
        foreach (var package in audit.Packages)
        {
            var list = found.TryGetValue((package.Name, package.Version), out var existing) ? existing : found[(package.Name, package.Version)] = [];
            list.AddRange(package.Vulnerabilities.Select(v => new PairFinding(
                v.Id, FindingKinds.Vulnerability, v.Id, v.Aliases, v.Summary, FindingSeverity.Of(v.Severity.Rating), MinimalFix(package.Version, v.FixedIn), null)));
        }

        return found;
    }

    // The smallest fixed version above the installed one: the upgrade that clears this advisory in its series.
    private static string? MinimalFix(string installed, IReadOnlyList<string> fixedIn)
    {
        if (!Pep440Version.TryParse(installed, out var current))
        {
            return fixedIn.Count > 0 ? fixedIn[0] : null;
        }

        string? best = null;
        Pep440Version? bestVersion = null;
        foreach (var text in fixedIn)
        {
            if (Pep440Version.TryParse(text, out var version) && version > current && (bestVersion is null || version < bestVersion))
            {
                (best, bestVersion) = (text, version);
            }
        }

        return best;
    }

    private PairFinding? EndOfLife((string Name, string Version) pair)
    {
        var productName = pair.Name == InterpreterPair.Name ? InterpreterPair.Product : Data.ProductMap.ProductFor(pair.Name);
        if (productName is null || !Data.Products.TryGetValue(productName, out var product))
        {
            return null;
        }

        var status = _eol.Evaluate(product, pair.Version);
        if (!status.IsEol || status.Cycle is null)
        {
            return null;
        }

        var supported = product.Releases.FirstOrDefault(r => r.EolFrom is { } end ? end > Data.AsOf : !r.IsEol);
        var display = pair.Name == InterpreterPair.Name ? "Python" : product.Label ?? product.Name;
        var since = status.EolDate is { } date ? $" on {date:yyyy-MM-dd}" : "";
        return new PairFinding(
            $"eol:{product.Name}@{status.Cycle}", FindingKinds.EndOfLife, null, [], $"{display} {status.Cycle} reached end of life{since}",
            FindingSeverity.EndOfLife, supported?.Latest?.Name, status.EolDate);
    }
}
