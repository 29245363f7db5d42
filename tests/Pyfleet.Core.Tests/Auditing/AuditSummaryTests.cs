using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Auditing;

namespace Pyfleet.Core.Tests.Auditing;

public sealed class AuditSummaryTests
{
    private static VulnerabilityFinding Finding(string id, SeverityRating rating) =>
        new() { Id = id, Severity = new CvssScore(rating == SeverityRating.Unknown ? null : 5.0, rating, "test"), Source = "PyPI" };

    private static PackageAudit Package(string name, params VulnerabilityFinding[] findings) =>
        new() { Name = name, Version = "1.0", Source = "PyPI", Vulnerabilities = findings };

    [Fact]
    public void Add_CountsEnvironmentsPackagesAndFindingsBySeverity()
    {
        var summary = new AuditSummary();
        summary.Add(new EnvironmentAudit { Path = "/a", Kind = "venv", Packages = [Package("x", Finding("A", SeverityRating.High), Finding("B", SeverityRating.Low)), Package("x", Finding("C", SeverityRating.High))] });
        summary.Add(new EnvironmentAudit { Path = "/b", Kind = "venv", Packages = [Package("x", Finding("A", SeverityRating.High))] });
        summary.Add(new EnvironmentAudit { Path = "/c", Kind = "venv" });

        Assert.Equal(3, summary.Environments);
        Assert.Equal(2, summary.VulnerablePackages); // x in /a (listed twice) and x in /b
        Assert.Equal(4, summary.Findings);
        Assert.Equal([new SeverityCount(SeverityRating.High, 3), new SeverityCount(SeverityRating.Low, 1)], summary.BySeverity);
    }

    [Theory]
    [InlineData(SeverityRating.Medium, null, true)]
    [InlineData(SeverityRating.Medium, SeverityRating.Medium, true)]
    [InlineData(SeverityRating.Medium, SeverityRating.High, false)]
    [InlineData(SeverityRating.Unknown, SeverityRating.Critical, true)]
    public void Fails_ThresholdAndUnknownSeverity(SeverityRating found, SeverityRating? threshold, bool fails)
    {
        var summary = new AuditSummary();
        summary.Add(new EnvironmentAudit { Path = "/a", Kind = "venv", Packages = [Package("x", Finding("A", found))] });

        Assert.Equal(fails, summary.Fails(threshold));
        Assert.False(new AuditSummary().Fails(null));
    }
}
