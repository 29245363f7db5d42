using Pyfleet.Core.Policy;

namespace Pyfleet.Core.Tests.Policy;

public sealed class EnvironmentRulesTests(InstalledVenvFixture venv) : IClassFixture<InstalledVenvFixture>
{
    private LintReport Lint(string requirements, string? python = null, params string[] disabled)
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-lint-").FullName;
        var file = Path.Combine(directory, "requirements.txt");
        File.WriteAllText(file, requirements);
        return ManifestLinter.Lint([file], new LintOptions { AgainstEnvironment = venv.Venv, PythonVersion = python, Disabled = disabled });
    }

    [Fact]
    public void Lint_CompleteMatchingFile_NoEnvironmentFindings()
    {
        var report = Lint("webapp==1.0\nflaskish==2.1\nitsdangerousish==1.5\nstrayish==0.1\n", "3.11");

        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Lint_MissingTransitivePin_IncompleteForNoDeps()
    {
        var report = Lint("webapp==1.0\nflaskish==2.1\nstrayish==0.1\n", "3.11");

        var finding = Assert.Single(report.Findings, f => f.Rule != LintRules.DriftExtra);
        Assert.Equal((LintRules.IncompleteForNoDeps, 2), (finding.Rule, finding.Line));
        Assert.Contains("itsdangerousish", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MarkerForOlderPython_RequiresTomliOnlyThere()
    {
        var report = Lint("webapp==1.0\nflaskish==2.1\nitsdangerousish==1.5\nstrayish==0.1\n", "3.10");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(LintRules.IncompleteForNoDeps, finding.Rule);
        Assert.Contains("tomli", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_RequestedExtra_ItsDependenciesRequired()
    {
        var report = Lint("webapp[speed]==1.0\nflaskish==2.1\nitsdangerousish==1.5\nstrayish==0.1\n", "3.11");

        Assert.Contains(report.Findings, f => f.Rule == LintRules.IncompleteForNoDeps && f.Message.Contains("ujsonish", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_Drift_MissingDifferentAndExtra()
    {
        var report = Lint("webapp==1.0\nflaskish==2.0\nitsdangerousish==1.5\nujsonish==5.0\n", "3.11");

        Assert.Contains(report.Findings, f => f.Rule == LintRules.DriftVersion && f.Line == 2 && f.Message.Contains("2.1 is installed", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Rule == LintRules.DriftMissing && f.Line == 4);
        var extra = Assert.Single(report.Findings, f => f.Rule == LintRules.DriftExtra);
        Assert.EndsWith("METADATA", extra.Path, StringComparison.Ordinal);
        Assert.Contains("strayish", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_DisabledDriftRules_NotReported()
    {
        var report = Lint("webapp==1.0\nflaskish==2.0\nitsdangerousish==1.5\n", "3.11", "drift-version", "PF013");

        Assert.DoesNotContain(report.Findings, f => f.Rule == LintRules.DriftVersion || f.Rule == LintRules.DriftExtra);
    }
}
