using Pyfleet.Core.Advisories.Matching;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>The segment index must give exactly the per-rule OSV evaluation, checked on every real package.</summary>
public sealed class PackageMatcherTests(RealAdvisoriesFixture data) : IClassFixture<RealAdvisoriesFixture>
{
    [Fact]
    public void Match_EveryRealPackageAtEveryNamedVersion_SameAsPerRuleEvaluation()
    {
        var compared = 0;
        foreach (var name in data.Index.Advisories.SelectMany(a => a.Record.Affected!).Select(a => AdvisoryIndex.NormalizeName("PyPI", a.Package!.Name!)).Distinct())
        {
            var rules = data.Index.RulesFor("PyPI", name);
            var matcher = new PackageMatcher(rules);
            // Every version the advisories name, plus neighbours that fall strictly between points.
            var probes = rules.SelectMany(r => r.Versions.Concat(r.Ranges.SelectMany(x => x.Events).Where(e => e.Version is not null).Select(e => e.Version!)))
                .SelectMany(v => new[] { v.Raw, v.Raw + ".post1", v.Raw + "rc1", v.Raw + "+local" })
                .Append("0.0.0.dev0").Append("99999")
                .Select(v => EcosystemVersion.Create(v, VersionScheme.Pep440)).Distinct();
            foreach (var probe in probes)
            {
                var expected = rules.Where(r => r.IsAffected(probe)).Select(r => r.Advisory.Id);
                Assert.Equal(expected, matcher.Match(probe).Select(r => r.Advisory.Id));
                compared++;
            }
        }

        Assert.True(compared > 50_000, $"only {compared} probes");
    }

    [Fact]
    public void Match_LimitAndLastAffected_SegmentsHonourThem()
    {
        var index = AdvisoryIndex.Build([
            OsvTestRecords.PyPI("PYSEC-T-1", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"last_affected":"1.5"},{"introduced":"3.0"},{"limit":"3.2"}]}]"""),
        ]);
        var matcher = new PackageMatcher(index.RulesFor("PyPI", "demo"));
        foreach (var (version, affected) in new[] { ("0.9", false), ("1.0", true), ("1.5", true), ("1.5.1", false), ("3.0", true), ("3.1.9", true), ("3.2", false), ("4", false) })
        {
            Assert.Equal(affected, matcher.Match(EcosystemVersion.Create(version, VersionScheme.Pep440)).Count > 0);
        }
    }
}
