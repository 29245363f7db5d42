using Pyfleet.Packaging.Tests.Support;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Tests.Versions;

public sealed class Pep440VersionTests
{
    public static TheoryData<string, string> Normalized()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Fixture.Rows("Versions/normalized.tsv"))
        {
            data.Add(row[0], row[1]);
        }

        return data;
    }

    // PEP 440 "Normalization": "Tools SHOULD ... normalize" case, separators, spellings, integers, a leading "v"
    // and surrounding whitespace; str(Version(x)) is the canonical form.
    [Theory]
    [MemberData(nameof(Normalized))]
    public void Parse_LiberalSpelling_PrintsCanonicalForm(string input, string canonical)
    {
        Assert.True(Pep440Version.TryParse(input, out var version), $"'{input}' should parse");
        Assert.Equal(canonical, version.ToString());
        Assert.Equal(Pep440Version.Parse(canonical), version);
    }

    public static TheoryData<string> Invalid() => Fixture.Lines("Versions/invalid.txt");

    // PEP 440 "Public version identifiers": only the documented segments and separators are allowed;
    // packaging raises InvalidVersion for anything else.
    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidVersion_ReturnsFalse(string input)
    {
        Assert.False(Pep440Version.TryParse(input, out _));
        Assert.Throws<FormatException>(() => Pep440Version.Parse(input));
    }

    public static TheoryData<string> OrderingFiles() => new() { "Versions/packaging-ordering.txt", "Versions/formats-ordering.txt" };

    // PEP 440 "Summary of permitted suffixes and relative ordering": within a release, dev < pre < final < post,
    // epochs first, local labels last; the fixture lists are in ascending order.
    [Theory]
    [MemberData(nameof(OrderingFiles))]
    public void CompareTo_OrderedFixture_AgreesWithPositionForEveryPair(string file)
    {
        var versions = Fixture.Rows(file).Select(r => Pep440Version.Parse(r[0])).ToList();
        for (var i = 0; i < versions.Count; i++)
        {
            for (var j = 0; j < versions.Count; j++)
            {
                Assert.Equal(i.CompareTo(j), Math.Sign(versions[i].CompareTo(versions[j])));
            }
        }

        var shuffled = versions.OrderBy(v => v.GetHashCode()).ThenBy(v => v.ToString(), StringComparer.Ordinal).ToList();
        shuffled.Sort();
        Assert.Equal(versions.Select(v => v.ToString()), shuffled.Select(v => v.ToString()));
    }

    public static TheoryData<string, string, int> Pairs()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in Fixture.Rows("Versions/ordering-pairs.tsv"))
        {
            data.Add(row[0], row[1], int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    // FORMATS.md §1.3: comparison is packaging's _cmpkey (trailing zeros ignored, local labels case-insensitive,
    // numeric local segments above alphanumeric ones, unbounded integers).
    [Theory]
    [MemberData(nameof(Pairs))]
    public void CompareTo_Pair_MatchesCmpKey(string left, string right, int expected)
    {
        var a = Pep440Version.Parse(left);
        var b = Pep440Version.Parse(right);
        Assert.Equal(expected, Math.Sign(a.CompareTo(b)));
        Assert.Equal(-expected, Math.Sign(b.CompareTo(a)));
        Assert.Equal(expected == 0, a == b);
        if (expected == 0)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    public static TheoryData<string, string, string, int, string, string> Parts()
    {
        var data = new TheoryData<string, string, string, int, string, string>();
        foreach (var row in Fixture.Rows("Versions/parts.tsv"))
        {
            data.Add(row[0], row[1], row[2], int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), row[4], row[5]);
        }

        return data;
    }

    // packaging: Version.public drops the local label, base_version drops pre, post, dev and local.
    [Theory]
    [MemberData(nameof(Parts))]
    public void Parts_Version_MatchPackagingProperties(string input, string publicText, string baseText, int epoch, string release, string local)
    {
        var version = Pep440Version.Parse(input);
        Assert.Equal(publicText, version.Public.ToString());
        Assert.Equal(publicText, version.ToPublicString());
        Assert.Equal(baseText, version.BaseVersion.ToString());
        Assert.Equal(epoch, version.Epoch);
        Assert.Equal(release, string.Join(".", version.Release));
        Assert.Equal(local.Length == 0 ? null : local, version.Local);
        Assert.Equal(local.Length > 0, version.HasLocal);
    }

    [Theory]
    [InlineData("1.0", false, false, false)]
    [InlineData("1.0a1", true, false, false)]
    [InlineData("1.0.dev1", true, true, false)]
    [InlineData("1.0.post1", false, false, true)]
    [InlineData("1.0.post1.dev1", true, true, true)]
    [InlineData("1.0+local", false, false, false)]
    public void Flags_Version_FollowPackaging(string input, bool pre, bool dev, bool post)
    {
        var version = Pep440Version.Parse(input);
        Assert.Equal(pre, version.IsPrerelease);
        Assert.Equal(dev, version.IsDevrelease);
        Assert.Equal(post, version.IsPostrelease);
    }

    [Fact]
    public void MajorMinorMicro_HugeComponents_Saturate()
    {
        var version = Pep440Version.Parse("99999999999.2");
        Assert.Equal(int.MaxValue, version.Major);
        Assert.Equal(2, version.Minor);
        Assert.Equal(0, version.Micro);
        Assert.Equal("99999999999", version.Release[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PrePostDev_Version_ExposeNumbers()
    {
        var version = Pep440Version.Parse("1.0c2.post3.dev4");
        Assert.Equal(("rc", 2), (version.Pre!.Value.Label, (int)version.Pre.Value.Number));
        Assert.Equal(3, (int)version.Post!.Value);
        Assert.Equal(4, (int)version.Dev!.Value);
    }
}
