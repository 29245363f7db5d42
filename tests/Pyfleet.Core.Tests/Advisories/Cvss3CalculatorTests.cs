using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>Scores checked against the FIRST CVSS v3.1 calculator (https://www.first.org/cvss/calculator/3.1).</summary>
public sealed class Cvss3CalculatorTests
{
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N", 5.3)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4)]
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 2.0)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1)]
    public void TryScore_BaseVector_MatchesFirstCalculator(string vector, double expected)
    {
        Assert.True(Cvss3Calculator.TryScore(vector, out var score));
        Assert.Equal(expected, score, 1);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")] // A missing
    [InlineData("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    public void TryScore_IncompleteOrForeignVector_ReturnsFalse(string vector) => Assert.False(Cvss3Calculator.TryScore(vector, out _));

    [Theory]
    [InlineData(9.8, SeverityRating.Critical)]
    [InlineData(7.0, SeverityRating.High)]
    [InlineData(6.9, SeverityRating.Medium)]
    [InlineData(0.1, SeverityRating.Low)]
    [InlineData(0.0, SeverityRating.None)]
    public void RatingFor_Score_UsesQualitativeScale(double score, SeverityRating rating) => Assert.Equal(rating, CvssScore.RatingFor(score));

    [Fact]
    public void Evaluate_OnlyGhsaDatabaseSeverity_RatingWithoutScore()
    {
        var record = OsvTestRecords.PyPI("GHSA-1111-2222-3333", "demo", "[]", extra: "\"database_specific\":{\"severity\":\"MODERATE\"},");
        var severity = SeverityEvaluator.Evaluate(record, record.Affected![0]);
        Assert.Equal(SeverityRating.Medium, severity.Rating);
        Assert.Null(severity.Score);
    }

    [Fact]
    public void Evaluate_NoSeverityAtAll_IsUnknown() =>
        Assert.Equal(SeverityRating.Unknown, SeverityEvaluator.Evaluate(OsvTestRecords.PyPI("PYSEC-T-9", "demo", "[]")).Rating);
}
