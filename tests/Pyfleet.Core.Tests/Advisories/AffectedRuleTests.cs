using Pyfleet.Core.Advisories.Matching;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>OSV range evaluation (schema "Evaluation", FORMATS.md §6.2), one clause per test.</summary>
public sealed class AffectedRuleTests
{
    private static AffectedRule Rule(string ranges, string versions = "[]")
    {
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-T-1", "Demo_Pkg", ranges, versions)]);
        return Assert.Single(index.RulesFor("PyPI", "demo-pkg"));
    }

    private static bool Affected(AffectedRule rule, string version) => rule.IsAffected(EcosystemVersion.Create(version, VersionScheme.Pep440));

    [Theory]
    [InlineData("0.0.1", true)]
    [InlineData("1.9", true)]
    [InlineData("2.0rc1", true)] // ordering, not specifiers: 2.0rc1 < fixed 2.0
    [InlineData("2.0", false)]
    [InlineData("2.0.0", false)] // PEP 440: 2.0.0 == 2.0
    [InlineData("2.0+local", false)] // 2.0+local >= 2.0
    public void IsAffected_IntroducedZeroFixed_FollowsPep440Ordering(string version, bool expected) =>
        Assert.Equal(expected, Affected(Rule("""[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]"""), version));

    [Theory]
    [InlineData("1.5", true)]
    [InlineData("1.6.0", true)] // last_affected is inclusive
    [InlineData("1.6.1", false)]
    [InlineData("1.4.9", false)]
    public void IsAffected_LastAffected_IsInclusiveCeiling(string version, bool expected) =>
        Assert.Equal(expected, Affected(Rule("""[{"type":"ECOSYSTEM","events":[{"introduced":"1.5"},{"last_affected":"1.6.0"}]}]"""), version));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("3.0", false)] // not below the limit
    public void IsAffected_Limit_VersionMustBeBelowIt(string version, bool expected) =>
        Assert.Equal(expected, Affected(Rule("""[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"limit":"3.0"}]}]"""), version));

    [Fact]
    public void IsAffected_GitRangeFirst_EcosystemRangeStillEvaluated()
    {
        var rule = Rule("""[{"type":"GIT","repo":"https://example.org/x","events":[{"introduced":"abc"},{"fixed":"def"}]},{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2"}]}]""");
        Assert.True(Affected(rule, "1.1"));
        Assert.False(Affected(rule, "1.2"));
        Assert.Single(rule.Ranges);
    }

    [Fact]
    public void IsAffected_FixedVersionListedInVersions_IsAffectedByTheList()
    {
        var rule = Rule("""[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.2"}]}]""", """["1.2"]""");
        Assert.True(Affected(rule, "1.2"));
    }

    [Fact]
    public void IsAffected_IntroducedOnly_EveryLaterVersionAffected()
    {
        // Policy strict-events: GHSA's last_known_affected_version_range never narrows an introduced-only range.
        var index = AdvisoryIndex.Build([OsvTestRecords.Parse("""
            {"id":"GHSA-aaaa-bbbb-cccc","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"demo"},
             "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"}]}],"database_specific":{"last_known_affected_version_range":"<= 1.6.0"}}]}
            """)]);
        var rule = Assert.Single(index.RulesFor("PyPI", "demo"));
        Assert.True(Affected(rule, "9.0"));
        Assert.Equal("<= 1.6.0", rule.LastKnownAffectedVersionRange);
    }

    [Fact]
    public void IsAffected_UnparseableVersion_MatchedAsNormalizedStringAgainstList()
    {
        var rule = Rule("""[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]""", """["Weird-Build 7"]""");
        Assert.True(Affected(rule, "  weird-build 7 "));
        Assert.False(Affected(rule, "other-build")); // not PEP 440: ranges cannot place it
    }

    [Fact]
    public void Build_UnparseableEventVersion_IsAWarningNotASilentDrop()
    {
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-T-2", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"not a version!"}]}]""")]);
        Assert.Contains(index.Warnings, w => w.Source == "PYSEC-T-2" && w.Message.Contains("not a version!", StringComparison.Ordinal));
        Assert.Single(index.RulesFor("PyPI", "demo"));
    }

    [Fact]
    public void Build_WithdrawnRecord_KeptOutOfTheIndexUntilItsDate()
    {
        var record = OsvTestRecords.PyPI("PYSEC-T-3", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]""",
            extra: "\"withdrawn\":\"2024-05-01T00:00:00Z\",");
        Assert.Empty(AdvisoryIndex.Build([record]).RulesFor("PyPI", "demo"));
        Assert.Single(AdvisoryIndex.Build([record], asOf: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).RulesFor("PyPI", "demo"));
    }

    [Fact]
    public void Build_AsOf_HidesLaterPublicationsAndUndatedRecordsModifiedLater()
    {
        // Issue 11 §4: --as-of never reports an advisory published after that date; a record without "published"
        // counts from its earliest known date ("modified" as the fallback).
        var asOf = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var later = OsvTestRecords.Parse("""{"id":"PYSEC-T-4","modified":"2024-03-01T00:00:00Z","published":"2024-02-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"demo"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}""");
        var undatedLater = OsvTestRecords.Parse("""{"id":"PYSEC-T-5","modified":"2024-03-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"demo"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}""");
        var undatedEarlier = OsvTestRecords.Parse("""{"id":"PYSEC-T-6","modified":"2023-03-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"demo"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}""");

        var rules = AdvisoryIndex.Build([later, undatedLater, undatedEarlier], asOf).RulesFor("PyPI", "demo");

        Assert.Equal(["PYSEC-T-6"], rules.Select(r => r.Advisory.Record.Id));
        Assert.Equal(3, AdvisoryIndex.Build([later, undatedLater, undatedEarlier]).RulesFor("PyPI", "demo").Count);
    }
}
