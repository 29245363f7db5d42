using Pyfleet.Core.Advisories.Matching;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>OSV semantics checked on every real record of shared/data/osv/PyPI/all.zip.</summary>
public sealed class RealAdvisoriesTests(RealAdvisoriesFixture data) : IClassFixture<RealAdvisoriesFixture>
{
    [Fact]
    public void Load_RealPyPIExport_ReadsEveryRecordAndKeepsWithdrawn()
    {
        Assert.Equal(2661, data.Loaded.EntriesSeen);
        Assert.Equal(2661, data.Loaded.Records.Count);
        Assert.Empty(data.Loaded.Warnings);
        Assert.Equal(10, data.Loaded.Records.Count(r => r.Withdrawn is not null));

        // Withdrawn records are stored but never indexed for reporting.
        Assert.Equal(2651, data.Index.Advisories.Count);
        Assert.DoesNotContain(data.Index.Advisories, a => a.Record.Withdrawn is not null);
    }

    [Fact]
    public void Match_VersionsListAndRangesDisagree_CountedAndUnionIsMatched()
    {
        // OSV "Evaluation": affected = in versions[] OR in any ECOSYSTEM range. The two disagree in both directions:
        // a listed version outside every range, or a known release of the package (named in any record's list)
        // inside a range but missing from this record's list. Count both and check the union is matched.
        var known = data.Index.Advisories.SelectMany(a => data.RulesOf(a.Id))
            .GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Versions).Where(v => v.IsParsed).ToHashSet());
        var listedOnly = new SortedSet<string>(StringComparer.Ordinal);
        var rangeOnly = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in data.Index.Advisories.SelectMany(a => data.RulesOf(a.Id)).Where(r => r.Ranges.Count > 0))
        {
            foreach (var version in rule.Versions.Where(v => v.IsParsed && !rule.InRanges(v)))
            {
                listedOnly.Add(rule.Advisory.Id);
                Assert.True(rule.IsAffected(version), $"{rule.Advisory.Id}: listed {version} not matched");
            }

            if (rule.Versions.Count == 0)
            {
                continue;
            }

            foreach (var version in known[rule.Name].Where(v => !rule.InVersions(v) && rule.InRanges(v)))
            {
                rangeOnly.Add(rule.Advisory.Id);
                Assert.True(rule.IsAffected(version), $"{rule.Advisory.Id}: in-range {version} not matched");
            }
        }

        // Measured on the shared export: 3 records list versions outside their ranges, 43 omit in-range releases (46 in all).
        Assert.True(listedOnly.Count == 3 && rangeOnly.Count == 43,
            $"listed-only {listedOnly.Count}: {string.Join(' ', listedOnly)}; range-only {rangeOnly.Count}; union {listedOnly.Union(rangeOnly).Count()}");
    }

    [Fact]
    public void Match_FixedVersion_IsNotAffectedUnlessAnotherRangeOrTheListSaysSo()
    {
        var checkedFixed = 0;
        foreach (var advisory in data.Index.Advisories)
        {
            foreach (var rule in data.RulesOf(advisory.Id))
            {
                foreach (var text in rule.FixedVersions)
                {
                    var version = EcosystemVersion.Create(text, VersionScheme.Pep440);
                    var elsewhere = rule.InVersions(version) || rule.Ranges.Count(r => r.Contains(version)) > 0;
                    if (elsewhere)
                    {
                        // Another range (e.g. a later series re-introducing it) or the list says so: still affected.
                        Assert.True(rule.IsAffected(version));
                        continue;
                    }

                    Assert.False(rule.IsAffected(version), $"{advisory.Id}: fixed {text} reported affected");
                    checkedFixed++;
                }
            }
        }

        Assert.True(checkedFixed > 2000, $"only {checkedFixed} fixed versions checked");
    }

    [Theory]
    [InlineData("4.1.13", false)] // below introduced 4.2
    [InlineData("4.2", true)]
    [InlineData("4.2.14", true)]
    [InlineData("4.2.15", false)] // fixed
    [InlineData("5.0", true)]
    [InlineData("5.0.7", true)]
    [InlineData("5.0.8", false)]
    [InlineData("5.0.8rc1", true)] // a pre-release of the fix sorts below it (FORMATS.md §6.2)
    public void Match_Pysec202470UnsortedEvents_SortedWithPep440(string version, bool affected)
    {
        var rules = data.RulesOf("PYSEC-2024-70").ToList();
        Assert.NotEmpty(rules);
        Assert.Equal(affected, rules.Any(r => r.IsAffected(EcosystemVersion.Create(version, VersionScheme.Pep440))));
    }
}
