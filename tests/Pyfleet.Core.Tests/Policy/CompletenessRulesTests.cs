using System.Collections.Concurrent;
using Pyfleet.Core.Policy;

namespace Pyfleet.Core.Tests.Policy;

public sealed class CompletenessRulesTests
{
    // Django 4.2.7's real Requires-Dist (from its wheel's METADATA).
    private static readonly string[] DjangoRequires =
    [
        "asgiref (<4,>=3.6.0)",
        "sqlparse (>=0.3.1)",
        "backports.zoneinfo ; python_version < \"3.9\"",
        "tzdata ; sys_platform == \"win32\"",
        "argon2-cffi (>=19.1.0) ; extra == 'argon2'",
        "bcrypt ; extra == 'bcrypt'",
    ];

    private readonly FakeSource _source = new();

    public CompletenessRulesTests()
    {
        _source.Releases[("django", "4.2.7")] = DjangoRequires;
        _source.Releases[("asgiref", "3.7.2")] = ["typing-extensions (>=4) ; python_version < \"3.11\""];
        _source.Releases[("sqlparse", "0.4.4")] = [];
    }

    private LintReport Lint(string requirements, string? python = "3.12")
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-lint-complete-").FullName;
        var file = Path.Combine(directory, "requirements.txt");
        File.WriteAllText(file, requirements);
        return ManifestLinter.Lint([file], new LintOptions { DependencyMetadata = _source, PythonVersion = python });
    }

    [Fact]
    public void Lint_CompleteFile_NoFindings()
    {
        var report = Lint("django==4.2.7\nasgiref==3.7.2\nsqlparse==0.4.4\n");

        Assert.Empty(report.Findings);
        Assert.Equal(3, _source.Calls.Count);
    }

    [Fact]
    public void Lint_DependencyNotPinned_OnePf005AtThePinsLine()
    {
        var report = Lint("# web\nsqlparse==0.4.4\ndjango==4.2.7\n");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((LintRules.IncompleteForNoDeps, 3), (finding.Rule, finding.Line));
        Assert.Contains("asgiref", finding.Message, StringComparison.Ordinal);
        Assert.Contains("fake index", finding.Message, StringComparison.Ordinal);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Lint_MarkersForTargetPython_EvaluatedPerPython()
    {
        var report = Lint("django==4.2.7\nasgiref==3.7.2\nsqlparse==0.4.4\n", "3.8");

        Assert.Contains(report.Findings, f => f.Rule == LintRules.IncompleteForNoDeps && f.Line == 1 && f.Message.Contains("backports.zoneinfo", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Rule == LintRules.IncompleteForNoDeps && f.Line == 2 && f.Message.Contains("typing-extensions", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Message.Contains("tzdata", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_RequestedExtra_ItsDependenciesRequired()
    {
        var report = Lint("django[argon2]==4.2.7\nasgiref==3.7.2\nsqlparse==0.4.4\n");

        var finding = Assert.Single(report.Findings);
        Assert.Contains("argon2-cffi", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bcrypt", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_UnknownMetadata_Pf014WarningNotComplete()
    {
        var report = Lint("django==4.2.7\nasgiref==3.7.2\nsqlparse==0.4.4\nmystery==1.0\n");

        var finding = Assert.Single(report.Findings);
        Assert.Equal((LintRules.ParseWarning, 4, LintSeverity.Warning), (finding.Rule, finding.Line, finding.Severity));
        Assert.Contains("mystery==1.0", finding.Message, StringComparison.Ordinal);
        Assert.Contains("could not be checked", finding.Message, StringComparison.Ordinal);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Lint_UnpinnedAndTripleEqual_OnlyPinsLookedUp()
    {
        var report = Lint("django===4.2.7\nasgiref>=3.6\nsqlparse==0.4.4\n");

        Assert.Contains(report.Findings, f => f.Rule == LintRules.Unpinned && f.Line == 2);
        Assert.DoesNotContain(report.Findings, f => f.Rule == LintRules.IncompleteForNoDeps || f.Rule == LintRules.ParseWarning);
        Assert.Equal(["django==4.2.7", "sqlparse==0.4.4"], _source.Calls.Order(StringComparer.Ordinal));
    }

    private sealed class FakeSource : IDependencyMetadataSource
    {
        public Dictionary<(string, string), IReadOnlyList<string>> Releases { get; } = [];

        public ConcurrentBag<string> Calls { get; } = [];

        public string Description => "the fake index";

        public Task<IReadOnlyList<string>?> GetRequiresDistAsync(string name, string version, CancellationToken cancellationToken)
        {
            Calls.Add($"{name}=={version}");
            return Task.FromResult(Releases.GetValueOrDefault((name, version)));
        }
    }
}
