using System.Text.Json;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Audit;

/// <summary><c>audit --format cyclonedx|sarif|html|markdown</c> end to end (the documents' own tests are in Core).</summary>
public sealed class AuditReportFormatTests : IDisposable
{
    private static readonly string SmallZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "small-pypi.zip");
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<CliResult> AuditAsync(string format)
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var inventory = AuditCommandTests.WriteInventory(_cli.Home, ("urllib3", "1.26.12"), ("six", "1.16.0"));
        return await _cli.RunAsync("audit", inventory, "--offline", "--format", format);
    }

    [Fact]
    public async Task Audit_FormatCycloneDx_BomWithEveryPackageAndTheFindingAffectingIt()
    {
        var result = await AuditAsync("cyclonedx");

        Assert.Equal(1, result.ExitCode);
        using var bom = JsonDocument.Parse(result.Stdout);
        var root = bom.RootElement;
        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        var packages = root.GetProperty("components")[0].GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["pkg:pypi/urllib3@1.26.12", "pkg:pypi/six@1.16.0"], packages.Select(p => p.GetProperty("purl").GetString()));
        var vulnerability = root.GetProperty("vulnerabilities").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "PYSEC-2023-192");
        Assert.Equal(packages[0].GetProperty("bom-ref").GetString(), vulnerability.GetProperty("affects")[0].GetProperty("ref").GetString());
        Assert.Equal("Upgrade urllib3 to 1.26.18", vulnerability.GetProperty("recommendation").GetString());
    }

    [Fact]
    public async Task Audit_FormatSarif_OneRulePerAdvisoryAndResultsAtTheEnvironment()
    {
        var result = await AuditAsync("sarif");

        Assert.Equal(1, result.ExitCode);
        using var log = JsonDocument.Parse(result.Stdout);
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("PYSEC-2023-192", rules);
        Assert.Equal(rules.Count, rules.Distinct().Count());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r => Assert.Equal("file:///srv/shop/.venv", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>", "PYSEC-2023-192")]
    [InlineData("markdown", "## Pyfleet audit: ", "| urllib3 | 1.26.12 | PYSEC-2023-192 |")]
    public async Task Audit_FormatHtmlOrMarkdown_ReportOnStdout(string format, string start, string finding)
    {
        var result = await AuditAsync(format);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(start, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(finding, result.Stdout, StringComparison.Ordinal);
    }
}
