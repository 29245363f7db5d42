using Pyfleet.Packaging.Specifiers;
using Pyfleet.Packaging.Tests.Support;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Tests.Specifiers;

public sealed class SpecifierTests
{
    public static TheoryData<string, string, bool> Contains()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var row in Fixture.Rows("Specifiers/contains.tsv"))
        {
            data.Add(row[0], row[1], bool.Parse(row[2]));
        }

        return data;
    }

    // PEP 440 "Version specifiers": ==/!= (with .* prefix matching and local-label rules), <=, >=, the exclusive
    // < and > (which skip V's pre-releases, and V's post-releases and local versions), ~= and ===.
    [Theory]
    [MemberData(nameof(Contains))]
    public void Contains_PrereleasesAllowed_MatchesPackaging(string version, string specifier, bool expected)
    {
        var spec = Specifier.Parse(specifier);
        Assert.Equal(expected, spec.Contains(version, prereleases: true));
        Assert.Equal(expected, SpecifierSet.Parse(specifier).Contains(version, prereleases: true));
        if (Pep440Version.TryParse(version, out var parsed) && spec.Operator != SpecifierOperator.ArbitraryEqual)
        {
            Assert.Equal(expected, spec.Contains(parsed, prereleases: true));
        }
    }

    public static TheoryData<string> Invalid() => Fixture.Lines("Specifiers/invalid.txt");

    // PEP 440: local labels only with ==/!=, ".*" only after a bare release with ==/!=, ~= needs two components.
    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidSpecifier_ReturnsFalse(string text)
    {
        Assert.False(Specifier.TryParse(text, out _));
        Assert.False(SpecifierSet.TryParse(text, out _));
    }

    public static TheoryData<string> Valid() => Fixture.Lines("Specifiers/valid.txt");

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidSpecifier_RoundTripsThroughToString(string text)
    {
        Assert.True(Specifier.TryParse(text, out var spec), text);
        Assert.True(Specifier.TryParse(spec.ToString(), out var again));
        Assert.Equal(spec.ToString(), again.ToString());
        Assert.DoesNotContain(' ', spec.ToString());
    }

    public static TheoryData<string, string, bool?, bool?, bool> Prereleases()
    {
        var data = new TheoryData<string, string, bool?, bool?, bool>();
        foreach (var row in Fixture.Rows("Specifiers/prereleases.tsv"))
        {
            data.Add(row[0], row[1], Fixture.OptionalBool(row[2]), Fixture.OptionalBool(row[3]), bool.Parse(row[4]));
        }

        return data;
    }

    // packaging 26.x: contains() admits a pre-release by default (one candidate has no alternatives); an explicit
    // prereleases=False, on the call or the specifier, refuses it; <V still excludes V's own pre-releases.
    [Theory]
    [MemberData(nameof(Prereleases))]
    public void Contains_PrereleasePolicy_MatchesPackaging(string specifier, string version, bool? specPre, bool? containsPre, bool expected)
    {
        Assert.True(Specifier.TryParse(specifier, specPre, out var spec));
        Assert.Equal(expected, spec.Contains(version, containsPre));
        Assert.True(SpecifierSet.TryParse(specifier, specPre, out var set));
        Assert.Equal(expected, set.Contains(Pep440Version.Parse(version), containsPre));
    }

    [Theory]
    [InlineData("==1.0", false)]
    [InlineData(">=1.0", false)]
    [InlineData("<1.0.dev1", true)]
    [InlineData(">1.0.dev1", true)]
    [InlineData("!=1.0.dev1", false)]
    [InlineData("==1.0.*", false)]
    [InlineData("==1.0.dev1", true)]
    [InlineData("~=1.0.dev1", true)]
    public void Prereleases_Specifier_DetectsNamedPrerelease(string specifier, bool expected)
    {
        Assert.Equal(expected, Specifier.Parse(specifier).Prereleases);
    }

    public static TheoryData<string, bool?, bool?, string, string> Filters()
    {
        var data = new TheoryData<string, bool?, bool?, string, string>();
        foreach (var row in Fixture.Rows("Specifiers/filter.tsv"))
        {
            data.Add(row[0], Fixture.OptionalBool(row[1]), Fixture.OptionalBool(row[2]), row[3], row[4]);
        }

        return data;
    }

    // PEP 440 "Handling of pre-releases": pre-releases are excluded unless requested or nothing else matches.
    [Theory]
    [MemberData(nameof(Filters))]
    public void Filter_Candidates_MatchesPackaging(string specifiers, bool? setPre, bool? filterPre, string input, string expected)
    {
        Assert.True(SpecifierSet.TryParse(specifiers, setPre, out var set));
        var candidates = input.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Pep440Version.Parse);
        Assert.Equal(expected, string.Join(",", set.Filter(candidates, filterPre)));
    }

    [Theory]
    [InlineData(">=1.0.0,!=1.0.1", "!=1.0.1,>=1.0.0")]
    [InlineData(" >=1.0 , <2 , ", "<2,>=1.0")]
    [InlineData("==1.0,==1.0.0", "==1.0")]
    [InlineData("~=1.18.0,~=1.18", "~=1.18,~=1.18.0")]
    [InlineData("", "")]
    public void ToString_Set_SortsAndDeduplicates(string text, string expected)
    {
        Assert.Equal(expected, SpecifierSet.Parse(text).ToString());
    }

    [Theory]
    [InlineData("==1.0", true)]
    [InlineData("===1.0", true)]
    [InlineData("==1.*", false)]
    [InlineData("==1.0,<2", false)]
    [InlineData(">=1.0", false)]
    public void IsPinned_Set_OnlyForSingleExactClause(string text, bool expected)
    {
        Assert.Equal(expected, SpecifierSet.Parse(text).IsPinned);
    }

    [Fact]
    public void Contains_UnparseableVersion_MatchesOnlyArbitraryEquality()
    {
        Assert.False(SpecifierSet.Parse(">=1.0").Contains("not a version"));
        Assert.True(SpecifierSet.Parse("===foobar").Contains("FooBar"));
        Assert.False(Specifier.Parse("===invalid").Contains("invalid ", prereleases: true));
    }
}
