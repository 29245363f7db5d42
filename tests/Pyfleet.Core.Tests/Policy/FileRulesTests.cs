using Pyfleet.Core.Policy;

namespace Pyfleet.Core.Tests.Policy;

public sealed class FileRulesTests
{
    private static readonly string Sha = new('a', 64);

    private static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static LintReport Lint(string name, string text, LintOptions? options = null)
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-lint-").FullName;
        return ManifestLinter.Lint([Write(directory, name, text)], options ?? new LintOptions());
    }

    [Fact]
    public void Lint_UnpinnedInDeploymentFile_ErrorPerLine()
    {
        var report = Lint("requirements.txt", "django>=4.2\nrequests\ncelery==5.4.0\n");

        Assert.Equal([1, 2], report.Findings.Where(f => f.Rule == LintRules.Unpinned).Select(f => f.Line));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Lint_HashModeWithMissingAndMalformedHashes_Reported()
    {
        var report = Lint("requirements.txt", $"six==1.16.0 --hash=sha256:{Sha}\nidna==3.10\nattrs==23.2.0 --hash=sha256:abc\n");

        Assert.Equal(2, Assert.Single(report.Findings, f => f.Rule == LintRules.HashesIncomplete).Line);
        Assert.Equal(3, Assert.Single(report.Findings, f => f.Rule == LintRules.HashMalformed).Line);
    }

    [Fact]
    public void Lint_RequireHashesOption_TurnsOnHashMode()
    {
        var report = Lint("requirements.txt", "--require-hashes\nsix==1.16.0\n");

        Assert.Single(report.Findings, f => f.Rule == LintRules.HashesIncomplete);
    }

    [Fact]
    public void Lint_EditableAndVcsInProduction_ErrorButNotInDevFile()
    {
        const string text = "-e git+https://g.example/x.git@v1#egg=x\ny @ git+https://g.example/y.git@v2\n";

        Assert.Equal(2, Lint("requirements-prod.txt", text).Findings.Count(f => f.Rule == LintRules.DirectReferenceInProduction));
        Assert.DoesNotContain(Lint("requirements-dev.txt", text).Findings, f => f.Rule == LintRules.DirectReferenceInProduction);
    }

    [Fact]
    public void Lint_IndexOutsideAllowedList_ErrorWithoutCredentials()
    {
        var options = new LintOptions { AllowedIndexes = ["https://mirror.internal/simple/"] };
        var report = Lint("requirements.txt", "-i https://user:pw@mirror.internal/simple\n--extra-index-url https://pypi.org/simple\nsix==1.16.0\n", options);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((LintRules.IndexNotAllowed, 2), (finding.Rule, finding.Line));
        Assert.DoesNotContain("pw", string.Join(" ", report.Findings.Select(f => f.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_DuplicateAndConflictingPinsAcrossIncludes_Reported()
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-lint-").FullName;
        Write(directory, "base.txt", "six==1.16.0\nidna==3.10\n");
        Write(directory, "constraints.txt", "attrs==23.1.0\n");
        var top = Write(directory, "requirements.txt", "-r base.txt\n-c constraints.txt\nsix==1.16.0\nidna==3.9\nattrs==23.2.0\n");

        var findings = ManifestLinter.Lint([top], new LintOptions()).Findings;

        Assert.Equal(3, Assert.Single(findings, f => f.Rule == LintRules.DuplicatePin).Line);
        Assert.Equal([4, 5], findings.Where(f => f.Rule == LintRules.ConflictingPin).Select(f => f.Line));
    }

    [Fact]
    public void Lint_DevIncludesProd_ProdNeverComparedWithItself()
    {
        // Issue 11 §4: dev.txt's "-r prod.txt" pins are prod.txt's; only dev.txt's own different pin is a PF010.
        var directory = Directory.CreateTempSubdirectory("pyfleet-lint-").FullName;
        var requirements = Directory.CreateDirectory(Path.Combine(directory, "requirements")).FullName;
        var prod = Write(requirements, "prod.txt", "django==4.2.16\nsix==1.16.0\n");
        var dev = Write(requirements, "dev.txt", "-r prod.txt\nsix==1.15.0\n");

        var findings = ManifestLinter.Lint([prod, dev], new LintOptions()).Findings.Where(f => f.Rule == LintRules.RolePinMismatch).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal((dev, (int?)2), (finding.Path, finding.Line));
        Assert.Contains($"in {prod}:2", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_RoleFilesPinDifferently_Warning()
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-lint-").FullName;
        var prod = Write(directory, "requirements-prod.txt", "django==4.2.16\n");
        var dev = Write(directory, "requirements-dev.txt", "django==4.2.15\n");

        var finding = Assert.Single(ManifestLinter.Lint([prod, dev], new LintOptions()).Findings);

        Assert.Equal((LintRules.RolePinMismatch, dev, 1), (finding.Rule, finding.Path, finding.Line));
        Assert.Equal(LintSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Lint_LibraryPyproject_PinsAreFlaggedRangesAreNot()
    {
        var report = Lint("pyproject.toml", "[build-system]\nrequires = [\"hatchling\"]\n[project]\nname = \"lib\"\nversion = \"1\"\ndependencies = [\"httpx>=0.27\", \"rich==13.8.1\"]\n");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((LintRules.LibraryPinned, 6), (finding.Rule, finding.Line));
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Lint_ApplicationPyproject_RangesAreUnpinned()
    {
        var report = Lint("pyproject.toml", "[project]\nname = \"app\"\nversion = \"1\"\ndependencies = [\"httpx>=0.27\"]\n");

        Assert.Equal(LintRules.Unpinned, Assert.Single(report.Findings).Rule);
    }

    [Fact]
    public void Lint_MalformedLine_ParseErrorAndRestStillChecked()
    {
        var report = Lint("requirements.txt", "six = 1.16\nidna\n");

        Assert.Equal((LintRules.ParseError, 1), (report.Findings[0].Rule, report.Findings[0].Line));
        Assert.Equal((LintRules.Unpinned, 2), (report.Findings[1].Rule, report.Findings[1].Line));
    }
}
