using System.Text.Json;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Testing.Releases;

namespace Pyfleet.Cli.Tests.Lint;

/// <summary><c>lint --index-url</c>: the no-deps completeness rule fed by a real loopback PyPI JSON API.</summary>
public sealed class LintIndexCompletenessTests : IDisposable
{
    // The shape of https://pypi.org/pypi/Django/4.2.7/json, trimmed to the fields a client reads.
    private const string Django427 = """
        {"info": {"author": "Django Software Foundation", "name": "Django", "version": "4.2.7",
          "requires_python": ">=3.8", "summary": "A high-level Python web framework that encourages rapid development and clean, pragmatic design.",
          "requires_dist": ["asgiref (<4,>=3.6.0)", "sqlparse (>=0.3.1)", "backports.zoneinfo ; python_version < \"3.9\"",
            "tzdata ; sys_platform == \"win32\"", "argon2-cffi (>=19.1.0) ; extra == 'argon2'", "bcrypt ; extra == 'bcrypt'"],
          "yanked": false, "yanked_reason": null},
         "last_serial": 20934812,
         "urls": [{"filename": "Django-4.2.7-py3-none-any.whl", "packagetype": "bdist_wheel", "python_version": "py3",
           "digests": {"sha256": "e1d37c51ad26186de355cbcec16613ebdabfa9689bbade9c538835205a8abbe9"}, "yanked": false}],
         "vulnerabilities": []}
        """;

    private const string Sqlparse044 = """
        {"info": {"name": "sqlparse", "version": "0.4.4", "requires_python": ">=3.5", "requires_dist": null,
          "summary": "A non-validating SQL parser.", "yanked": false, "yanked_reason": null},
         "last_serial": 17569211, "urls": [], "vulnerabilities": []}
        """;

    private readonly CliRunner _cli = new();
    private readonly LoopbackIndexServer _server = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-lint-index-").FullName;

    public LintIndexCompletenessTests()
    {
        _cli.CurrentDirectory = _folder;
        _server.AddReleaseJson("django", "4.2.7", Django427);
        _server.AddReleaseJson("sqlparse", "0.4.4", Sqlparse044);
    }

    private async Task<(int ExitCode, List<JsonElement> Findings)> LintJsonAsync(string requirements, params string[] extra)
    {
        File.WriteAllText(Path.Combine(_folder, "requirements.txt"), requirements);
        var result = await _cli.RunAsync(["lint", "requirements.txt", "--format", "json", "--python", "3.11", .. extra]);
        using var json = JsonDocument.Parse(result.Stdout);
        return (result.ExitCode, json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToList());
    }

    [Fact]
    public async Task Lint_IndexUrl_UnpinnedDependencyIsOnePf005AtItsPin()
    {
        var (exitCode, findings) = await LintJsonAsync("# prod\nsqlparse==0.4.4\nDjango==4.2.7\n", "--index-url", _server.SimpleUrl);

        Assert.Equal(1, exitCode);
        var finding = Assert.Single(findings);
        Assert.Equal("PF005", finding.GetProperty("ruleId").GetString());
        Assert.Equal(Path.Combine(_folder, "requirements.txt"), finding.GetProperty("path").GetString());
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
        Assert.Contains("'asgiref (<4,>=3.6.0)'", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits("/pypi/django/4.2.7/json"));
    }

    [Fact]
    public async Task Lint_IndexUrlWithJsonApi_SameAnswer()
    {
        var (exitCode, findings) = await LintJsonAsync("sqlparse==0.4.4\ndjango==4.2.7\nasgiref==3.7.2\n", "--index-url", _server.SimpleUrl, "--json-api");

        // asgiref 3.7.2 is not on this index: unknown, a warning, not a pass and not an error.
        Assert.Equal(0, exitCode);
        var finding = Assert.Single(findings);
        Assert.Equal(("PF014", "warning", 3), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("line").GetInt32()));
        Assert.Contains("asgiref==3.7.2", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_VersionMissingFromIndex_Pf014NotPf005()
    {
        var (exitCode, findings) = await LintJsonAsync("sqlparse==0.4.4\ndjango==9.9.9\n", "--index-url", _server.SimpleUrl);

        Assert.Equal(0, exitCode);
        var finding = Assert.Single(findings);
        Assert.Equal(("PF014", 2), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("line").GetInt32()));
        Assert.Contains("django==9.9.9", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_OfflineWithEmptyCache_Pf014ForEveryPin()
    {
        var (exitCode, findings) = await LintJsonAsync("sqlparse==0.4.4\ndjango==4.2.7\n", "--index-url", _server.SimpleUrl, "--offline");

        Assert.Equal(0, exitCode);
        Assert.Equal([1, 2], findings.Select(f => f.GetProperty("line").GetInt32()));
        Assert.All(findings, f => Assert.Equal("PF014", f.GetProperty("ruleId").GetString()));
        Assert.Equal(0, _server.Hits("/pypi/django/4.2.7/json"));
    }

    [Fact]
    public async Task Lint_IndexKeepsFailing_Pf014NotACrash()
    {
        // The first try and all three retries answer 500: the metadata is unknown, the lint still completes.
        for (var i = 0; i < 4; i++)
        {
            _server.Fail("/pypi/django/4.2.7/json", 500);
        }

        var (exitCode, findings) = await LintJsonAsync("sqlparse==0.4.4\ndjango==4.2.7\n", "--index-url", _server.SimpleUrl);

        Assert.Equal(0, exitCode);
        var finding = Assert.Single(findings);
        Assert.Equal(("PF014", 2), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("line").GetInt32()));
        Assert.Equal(4, _server.Hits("/pypi/django/4.2.7/json"));
    }

    [Fact]
    public async Task Lint_CredentialsInIndexUrl_NeverPrinted()
    {
        var url = _server.SimpleUrl.Replace("http://", "http://deploy:s3cr3t-token@", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "requirements.txt"), "sqlparse==0.4.4\ndjango==9.9.9\n");

        var result = await _cli.RunAsync("lint", "requirements.txt", "--index-url", url);

        Assert.Contains("PF014", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-token", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String("deploy:s3cr3t-token"u8.ToArray()), _server.LastAuthorization);
    }

    [Fact]
    public async Task Lint_WithoutIndexUrl_NoCompletenessCheck()
    {
        var (exitCode, findings) = await LintJsonAsync("django==4.2.7\n");

        Assert.Equal(0, exitCode);
        Assert.Empty(findings);
        Assert.Equal(0, _server.Hits("/pypi/django/4.2.7/json"));
    }

    public void Dispose()
    {
        _cli.Dispose();
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
