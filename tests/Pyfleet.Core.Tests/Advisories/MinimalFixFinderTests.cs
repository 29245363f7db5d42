using Pyfleet.Core.Advisories.Matching;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>
/// The precomputed answer must be the definition: among the versions the advisories name, the smallest one above
/// the installed version that no rule affects (pre-releases only for a pre-release install), preferring the
/// installed release series. Checked against a brute-force scan on every real package.
/// </summary>
public sealed class MinimalFixFinderTests(RealAdvisoriesFixture data) : IClassFixture<RealAdvisoriesFixture>
{
    [Fact]
    public void Find_EveryRealPackageAtEveryNamedVersion_SameAsBruteForce()
    {
        var compared = 0;
        foreach (var name in data.Index.Advisories.SelectMany(a => a.Record.Affected!).Select(a => AdvisoryIndex.NormalizeName("PyPI", a.Package!.Name!)).Distinct())
        {
            var rules = data.Index.RulesFor("PyPI", name);
            var finder = new MinimalFixFinder(rules, VersionScheme.Pep440);
            var candidates = rules.SelectMany(r => r.FixedVersions.Select(v => EcosystemVersion.Create(v, VersionScheme.Pep440)).Concat(r.Versions))
                .Where(v => v.IsParsed).Distinct().ToList();
            var probes = candidates.SelectMany(v => new[] { v.Raw, v.Raw + ".post1", v.Raw + "rc1" }).Append("0.0.1").Append("0.0.0.dev0")
                .Select(v => EcosystemVersion.Create(v, VersionScheme.Pep440)).Where(v => v.IsParsed).Distinct();
            foreach (var installed in probes)
            {
                Assert.Equal(BruteForce(installed, candidates, rules)?.Raw, finder.Find(installed)?.Raw);
                compared++;
            }
        }

        Assert.True(compared > 50_000, $"only {compared} probes");
    }

    [Fact]
    public void Find_SameSeriesFixBeforeANewerSeries()
    {
        var index = AdvisoryIndex.Build([
            OsvTestRecords.PyPI("PYSEC-T-1", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.2.25"},{"introduced":"4.0"},{"fixed":"4.2.1"}]}]"""),
        ]);
        var finder = new MinimalFixFinder(index.RulesFor("PyPI", "demo"), VersionScheme.Pep440);

        Assert.Equal("3.2.25", finder.Find(EcosystemVersion.Create("3.2.12", VersionScheme.Pep440))?.Raw);
        Assert.Equal("4.2.1", finder.Find(EcosystemVersion.Create("4.1", VersionScheme.Pep440))?.Raw);
        Assert.Null(finder.Find(EcosystemVersion.Create("5.0", VersionScheme.Pep440)));
    }

    private static EcosystemVersion? BruteForce(EcosystemVersion installed, List<EcosystemVersion> candidates, IReadOnlyList<AffectedRule> rules)
    {
        var allowPre = installed.Pep440!.IsPrerelease;
        var clear = candidates
            .Where(c => c.CompareTo(installed) > 0 && (allowPre || !c.Pep440!.IsPrerelease) && !rules.Any(r => r.IsAffected(c)))
            .Order()
            .ToList();
        var sameSeries = clear.FirstOrDefault(c => c.Pep440!.Epoch == installed.Pep440.Epoch && c.Pep440.Major == installed.Pep440.Major && c.Pep440.Minor == installed.Pep440.Minor);
        return sameSeries ?? clear.FirstOrDefault();
    }
}
