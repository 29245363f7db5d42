using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Tests.Advisories.Cvss;

/// <summary>Which severity a record gets: v4 first, then v3, then the GHSA database rating.</summary>
public sealed class SeverityEvaluatorTests
{
    private const string V4 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"; // 9.3 Critical
    private const string V3 = "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N"; // 5.3 Medium

    private static Pyfleet.Core.Advisories.Osv.OsvRecord Record(string severityJson, string ghsa = "MODERATE") =>
        OsvTestRecords.PyPI("GHSA-aaaa-bbbb-cccc", "demo", "[]",
            extra: $"\"severity\":{severityJson},\"database_specific\":{{\"severity\":\"{ghsa}\"}},");

    [Fact]
    public void Evaluate_V4AndV3_PrefersV4()
    {
        var record = Record($"[{{\"type\":\"CVSS_V3\",\"score\":\"{V3}\"}},{{\"type\":\"CVSS_V4\",\"score\":\"{V4}\"}}]");
        var severity = SeverityEvaluator.Evaluate(record, record.Affected![0]);
        Assert.Equal(9.3, severity.Score);
        Assert.Equal(SeverityRating.Critical, severity.Rating);
        Assert.Equal(V4, severity.Origin);
    }

    [Fact]
    public void Evaluate_V4Only_ScoresV4InsteadOfDatabaseRating()
    {
        var record = Record($"[{{\"type\":\"CVSS_V4\",\"score\":\"{V4}/E:U\"}}]", ghsa: "LOW");
        var severity = SeverityEvaluator.Evaluate(record, record.Affected![0]);
        Assert.True(Cvss4Calculator.TryScore(V4 + "/E:U", out var expected));
        Assert.Equal(expected, severity.Score);
        Assert.Equal(CvssScore.RatingFor(expected), severity.Rating);
        Assert.NotEqual(9.3, expected);
    }

    [Fact]
    public void Evaluate_InvalidV4_FallsBackToV3()
    {
        var record = Record($"[{{\"type\":\"CVSS_V4\",\"score\":\"CVSS:4.0/AV:N/AC:L\"}},{{\"type\":\"CVSS_V3\",\"score\":\"{V3}\"}}]");
        var severity = SeverityEvaluator.Evaluate(record, record.Affected![0]);
        Assert.Equal(5.3, severity.Score);
        Assert.Equal(V3, severity.Origin);
    }

    [Fact]
    public void Evaluate_InvalidV4Only_FallsBackToDatabaseRating()
    {
        var record = Record("[{\"type\":\"CVSS_V4\",\"score\":\"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:Q\"}]", ghsa: "HIGH");
        var severity = SeverityEvaluator.Evaluate(record, record.Affected![0]);
        Assert.Null(severity.Score);
        Assert.Equal(SeverityRating.High, severity.Rating);
    }

    [Fact]
    public void Evaluate_SharedVectorScores_SameAnswersAsScoringEachTime()
    {
        var scores = new SeverityEvaluator.VectorScores();
        var loaded = Pyfleet.Core.Advisories.Osv.OsvZipLoader.Load(Pyfleet.Testing.Data.SharedData.OsvPyPIZip);
        foreach (var record in loaded.Records)
        {
            foreach (var affected in record.Affected ?? [])
            {
                Assert.Equal(SeverityEvaluator.Evaluate(record, affected), SeverityEvaluator.Evaluate(record, affected, scores));
            }
        }
    }

    [Fact]
    public void Evaluate_SharedVectorScores_VectorLabelledWithTheWrongVersionStaysUnscoredOnlyThere()
    {
        var scores = new SeverityEvaluator.VectorScores();
        var mislabelled = Record($"[{{\"type\":\"CVSS_V4\",\"score\":\"{V3}\"}}]", ghsa: "LOW");
        var labelled = Record($"[{{\"type\":\"CVSS_V3\",\"score\":\"{V3}\"}}]", ghsa: "LOW");
        Assert.Equal(SeverityRating.Low, SeverityEvaluator.Evaluate(mislabelled, mislabelled.Affected![0], scores).Rating);
        Assert.Equal(5.3, SeverityEvaluator.Evaluate(labelled, labelled.Affected![0], scores).Score);
    }
}
