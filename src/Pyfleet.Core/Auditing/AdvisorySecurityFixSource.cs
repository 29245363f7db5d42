using System.Collections.Concurrent;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// Gives release analysis (<c>outdated</c>, <c>fix --security-only</c>) the same advisory verdicts as <c>audit</c>:
/// OSV matching over the compiled <see cref="AdvisoryIndex"/>, one finding per alias group.
/// </summary>
public sealed class AdvisorySecurityFixSource(AdvisoryIndex index) : ISecurityFixSource
{
    private readonly ConcurrentDictionary<(string Ecosystem, string Name), PackageMatcher?> _matchers = new();

    /// <summary>How many advisories the index holds (to tell "no data" from "no findings").</summary>
    public int AdvisoryCount => index.Advisories.Count;

    public IReadOnlyList<AffectingAdvisory> For(string ecosystem, string name, string version)
    {
        var normalized = AdvisoryIndex.NormalizeName(ecosystem, name);
        var matcher = _matchers.GetOrAdd((ecosystem, normalized), key =>
            index.RulesFor(key.Ecosystem, key.Name) is { Count: > 0 } rules ? new PackageMatcher(rules) : null);
        if (matcher is null)
        {
            return [];
        }

        var installed = EcosystemVersion.Create(version, EcosystemVersion.SchemeFor(ecosystem));

        // The alias group's key names the finding, so PYSEC and GHSA copies of one vulnerability count once and
        // a candidate release is compared with the installed one by the same ids.
        return matcher.Match(installed)
            .GroupBy(rule => rule.Advisory.GroupKey, StringComparer.Ordinal)
            .Select(group => new AffectingAdvisory(group.Key, group.First().Advisory.Record.Summary))
            .ToList();
    }
}
