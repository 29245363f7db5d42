using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Tests.Advisories.Cvss;

/// <summary>
/// CVSS v4.0 scoring against vectors scored by the FIRST reference calculator (sources per block in
/// <c>Fixtures/Advisories/Cvss/cvss4-scores.txt</c>).
/// </summary>
public sealed class Cvss4CalculatorTests
{
    public static TheoryData<string, double> ReferenceVectors()
    {
        var data = new TheoryData<string, double>();
        foreach (var (vector, score) in Cvss4ReferenceVectors.All)
        {
            data.Add(vector, score);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceVectors))]
    public void TryScore_ReferenceVector_MatchesReferenceCalculator(string vector, double expected)
    {
        Assert.True(Cvss4Calculator.TryScore(vector, out var score), vector);
        Assert.Equal(expected, score);
    }

    [Fact]
    public void ReferenceVectors_CoverEveryLevelOfEveryEquivalenceSet()
    {
        // Specification "Equivalence Sets": EQ1 0-2, EQ2 0-1, EQ3 0-2, EQ4 0-2, EQ5 0-2, EQ6 0-1.
        int[] levels = [3, 2, 3, 3, 3, 2];
        var seen = Enumerable.Range(0, 6).Select(_ => new HashSet<char>()).ToArray();
        foreach (var (vector, _) in Cvss4ReferenceVectors.All)
        {
            Assert.True(Cvss4Vector.TryParse(vector, out var parsed, out _), vector);
            var macro = Cvss4Calculator.MacroVector(parsed);
            for (var i = 0; i < 6; i++)
            {
                seen[i].Add(macro[i]);
            }
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.True(seen[i].Count == levels[i], $"EQ{i + 1} levels seen: {string.Concat(seen[i].Order())}");
        }

        Assert.True(Cvss4ReferenceVectors.All.Count >= 100);
    }

    [Theory]
    [InlineData(4.949999999999999, 5.0)] // 5.8 - 0.8500000000000001: a tie one ULP low rounds up
    [InlineData(8.549999999999999, 8.6)]
    [InlineData(4.25, 4.3)]
    [InlineData(4.945833333333333, 4.9)]
    [InlineData(5.941666666666666, 5.9)]
    [InlineData(0.0, 0.0)]
    [InlineData(10.0, 10.0)]
    public void RoundHalfUp_Value_MatchesReferenceRounding(double raw, double expected) =>
        Assert.Equal(expected, Cvss4Calculator.RoundHalfUp(raw));

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "000200")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:U", "212221")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:H/SI:N/SA:N/E:P/MSA:S", "101010")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/CR:L", "101201")]
    public void MacroVector_Vector_FollowsEquivalenceTables(string vector, string expected)
    {
        Assert.True(Cvss4Vector.TryParse(vector, out var parsed, out _));
        Assert.Equal(expected, Cvss4Calculator.MacroVector(parsed));
    }

    [Theory]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:H/SI:N/SA:L")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:L")]
    [InlineData("CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:P/VC:N/VI:N/VA:H/SC:L/SI:H/SA:N")]
    public void TryScore_SupplementalMetrics_DoNotChangeTheScore(string baseVector)
    {
        Assert.True(Cvss4Calculator.TryScore(baseVector, out var plain));
        Assert.True(Cvss4Calculator.TryScore(baseVector + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red", out var supplemented));
        Assert.True(Cvss4Calculator.TryScore(baseVector + "/S:X/AU:X/R:X/V:X/RE:X/U:X", out var notDefined));
        Assert.Equal(plain, supplemented);
        Assert.Equal(plain, notDefined);
    }

    [Fact]
    public void TryScore_NotDefinedThreatAndRequirements_EqualWorstCase()
    {
        // Specification and reference: E:X is scored as E:A, CR/IR/AR:X as H (worst case).
        const string Base = "CVSS:4.0/AV:N/AC:H/AT:P/PR:L/UI:P/VC:H/VI:L/VA:L/SC:L/SI:N/SA:N";
        Assert.True(Cvss4Calculator.TryScore(Base, out var plain));
        Assert.True(Cvss4Calculator.TryScore(Base + "/E:X/CR:X/IR:X/AR:X", out var notDefined));
        Assert.True(Cvss4Calculator.TryScore(Base + "/E:A/CR:H/IR:H/AR:H", out var worst));
        Assert.True(Cvss4Calculator.TryScore(Base + "/E:U", out var unreported));
        Assert.Equal(plain, notDefined);
        Assert.Equal(plain, worst);
        Assert.True(unreported < plain);
    }

    [Fact]
    public void TryScore_MetricsOutOfCanonicalOrder_SameScore()
    {
        // Named policy (Cvss4Vector): order is not enforced; GHSA records carry VC/SC/VI/SI/VA/SA.
        Assert.True(Cvss4Calculator.TryScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", out var canonical));
        Assert.True(Cvss4Calculator.TryScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N", out var shuffled));
        Assert.Equal(8.7, canonical);
        Assert.Equal(canonical, shuffled);
    }

    // RedHatProductSecurity/cvss tests/test_cvss4.py test_severity: full BTE vectors in non-canonical order.
    [Theory]
    [InlineData("CVSS:4.0/AV:L/AC:H/AT:P/PR:N/UI:P/VC:H/VI:N/VA:N/SC:N/SI:N/AU:N/SA:N/S:P/R:A/V:D/RE:L/U:Red/MAV:L/MAC:L/MAT:N/MPR:L/MUI:A/MVC:L/MVI:N/MVA:H/MSC:H/MSI:L/MSA:N/CR:H/IR:L/AR:L/E:P", SeverityRating.Low)]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:N/VI:L/VA:L/SC:H/SI:N/AU:Y/SA:N/S:N/R:I/V:C/RE:M/U:Amber/MAV:L/MAC:H/MAT:P/MPR:N/MUI:P/MVC:L/MVI:N/MVA:H/MSC:H/MSI:H/MSA:S/CR:M/IR:M/AR:M/E:A", SeverityRating.High)]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:A/VC:H/VI:H/VA:N/SC:H/SI:N/AU:Y/SA:N/S:N/R:I/V:C/RE:L/U:Green/MAV:L/MAC:L/MAT:N/MPR:H/MUI:P/MVC:L/MVI:L/MVA:N/MSC:H/MSI:H/MSA:S/CR:H/IR:H/AR:H/E:P", SeverityRating.Medium)]
    [InlineData("CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:A/VC:H/VI:N/VA:H/SC:L/SI:N/AU:N/SA:H/S:P/R:I/V:D/RE:M/U:Red/MAV:N/MAC:L/MAT:N/MPR:N/MUI:N/MVC:H/MVI:H/MVA:H/MSC:H/MSI:S/MSA:S/CR:H/IR:H/AR:H/E:U", SeverityRating.Critical)]
    [InlineData("CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:N/VC:L/VI:N/VA:H/SC:L/SI:H/AU:N/SA:H/S:P/R:U/V:C/RE:H/U:Red/MAV:L/MAC:L/MAT:P/MPR:L/MUI:P/MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N/CR:H/IR:H/AR:H/E:P", SeverityRating.None)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", SeverityRating.Medium)]
    public void TryScore_FullVector_RatingMatchesReference(string vector, SeverityRating rating)
    {
        Assert.True(Cvss4Calculator.TryScore(vector, out var score));
        Assert.Equal(rating, CvssScore.RatingFor(score));
    }
}
