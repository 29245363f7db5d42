using System.Text.Json;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Lint;

public sealed class LintCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-lint-cli-").FullName;

    public LintCommandTests() => _cli.CurrentDirectory = _folder;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Lint_PinnedFile_ExitsCleanWithNoFindings()
    {
        Write("requirements.txt", "six==1.16.0\n");

        var result = await _cli.RunAsync("lint");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No findings", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_UnpinnedRequirement_TableAndExitOne()
    {
        Write("requirements.txt", "six==1.16.0\ndjango>=4.2\n");

        var result = await _cli.RunAsync("lint", "requirements.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("requirements.txt:2", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("PF001 unpinned", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 error,", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_DisableRule_NoLongerReportedExitZero()
    {
        Write("requirements.txt", "django>=4.2\n");

        var result = await _cli.RunAsync("lint", "requirements.txt", "--disable", "unpinned");

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Lint_RuleDisabledInConfig_NoLongerReported()
    {
        Write("requirements.txt", "django>=4.2\n");
        File.WriteAllText(Path.Combine(_cli.Home, "config.toml"), "[lint]\ndisable = [\"PF001\"]\n");

        var result = await _cli.RunAsync("lint", "requirements.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("PF001", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_AllowedIndexesFromConfig_FlagOtherIndexes()
    {
        Write("requirements.txt", "--index-url https://pypi.example.invalid/simple\nsix==1.16.0\n");
        File.WriteAllText(Path.Combine(_cli.Home, "config.toml"), "[lint]\nallowed-indexes = [\"https://mirror.internal/simple\"]\n");

        var result = await _cli.RunAsync("lint", "requirements.txt");

        Assert.Contains("PF009", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_JsonFormat_FindingsWithRuleSeverityAndLine()
    {
        Write("requirements-dev.txt", "django==4.2.15\n");
        Write("requirements-prod.txt", "--index-url https://pypi.org/simple\ndjango==4.2.16\n");

        var result = await _cli.RunAsync("lint", "requirements-prod.txt", "requirements-dev.txt", "--format", "json", "--allowed-index", "https://mirror.internal/simple");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "PF009" && f.GetProperty("line").GetInt32() == 1 && f.GetProperty("severity").GetString() == "error");
        Assert.Contains(findings, f => f.GetProperty("ruleId").GetString() == "PF010" && f.GetProperty("severity").GetString() == "warning");
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Lint_SarifFormat_RelativeLocation()
    {
        Write("requirements.txt", "django>=4.2\n");

        var result = await _cli.RunAsync("lint", "--format", "sarif");

        using var json = JsonDocument.Parse(result.Stdout);
        var location = json.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("requirements.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task Lint_MissingFile_ErrorWithPathExitTwo()
    {
        var result = await _cli.RunAsync("lint", "nope.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.txt: no such file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_BrokenLockFile_ErrorWithLineExitTwo()
    {
        Write("uv.lock", "version = 1\n[[package]\n");

        var result = await _cli.RunAsync("lint", "uv.lock");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("uv.lock:2:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_UnknownRuleOrBadPython_UsageError()
    {
        Write("requirements.txt", "six==1.16.0\n");

        Assert.Equal(2, (await _cli.RunAsync("lint", "--disable", "PF999")).ExitCode);
        Assert.Equal(2, (await _cli.RunAsync("lint", "--python", "three")).ExitCode);
        Assert.Equal(2, (await _cli.RunAsync("lint", "--format", "xml")).ExitCode);
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
