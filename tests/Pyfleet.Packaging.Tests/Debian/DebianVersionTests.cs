using System.Diagnostics;
using Pyfleet.Packaging.Debian;
using Pyfleet.Packaging.Tests.Support;

namespace Pyfleet.Packaging.Tests.Debian;

public sealed class DebianVersionTests
{
    public static TheoryData<string, string, int> Pairs()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var row in Fixture.Rows("Debian/ordering.tsv"))
        {
            data.Add(row[0], row[1], int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    // deb-version(7): epoch numerically, then upstream and revision by dpkg's verrevcmp ('~' before everything,
    // letters before other punctuation, digit runs numerically); a missing revision equals "0".
    [Theory]
    [MemberData(nameof(Pairs))]
    public void Compare_Pair_MatchesDpkg(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(DebianVersion.Compare(left, right)));
        Assert.Equal(-expected, Math.Sign(DebianVersion.Compare(right, left)));
        var a = DebianVersion.Parse(left);
        var b = DebianVersion.Parse(right);
        Assert.Equal(expected == 0, a == b);
        if (expected == 0)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }
    }

    // Differential: the real dpkg on this machine must agree with every fixture pair.
    [Fact]
    public void Compare_FixturePairs_AgreeWithRealDpkg()
    {
        foreach (var row in Fixture.Rows("Debian/ordering.tsv"))
        {
            var start = new ProcessStartInfo("dpkg", ["--compare-versions", row[0], "lt", row[1]]) { RedirectStandardError = true };
            using var process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True((process.ExitCode == 0) == (DebianVersion.Compare(row[0], row[1]) < 0), $"{row[0]} < {row[1]}");
        }
    }

    [Theory]
    [InlineData("1:2.30-1~bpo11+1", 1, "2.30", "1~bpo11+1")]
    [InlineData("1.0", 0, "1.0", "")]
    [InlineData("2:1.2-3-4", 2, "1.2-3", "4")]
    public void Parse_Version_SplitsEpochUpstreamRevision(string text, int epoch, string upstream, string revision)
    {
        var version = DebianVersion.Parse(text);
        Assert.Equal((epoch, upstream, revision, text), (version.Epoch, version.Upstream, version.Revision, version.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":1.0")]
    [InlineData("a:1.0")]
    [InlineData("1.0-")]
    [InlineData("1.0 2")]
    [InlineData("1.0_1")]
    public void TryParse_Invalid_ReturnsFalseWithReason(string text)
    {
        Assert.False(DebianVersion.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
