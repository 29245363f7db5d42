using System.Text.Json;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary><c>outdated --format cyclonedx|sarif|html|markdown</c> end to end against the loopback index.</summary>
public sealed class OutdatedReportFormatTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<CliResult> OutdatedAsync(string format)
    {
        var file = Path.Combine(_cli.Home, "requirements.txt");
        File.WriteAllText(file, "Django==3.2.12\nnumpy==1.24.0\n");
        _cli.CurrentDirectory = _cli.Home;
        return await _cli.RunAsync(["outdated", file, "--python", "3.8.10", "--format", format, .. fixture.Options]);
    }

    [Fact]
    public async Task Outdated_FormatSarif_EolResultAtTheRequirementLine()
    {
        var result = await OutdatedAsync("sarif");

        Assert.Equal(1, result.ExitCode);
        using var log = JsonDocument.Parse(result.Stdout);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var eol = results.First(r => r.GetProperty("ruleId").GetString() == "PYFLEET-EOL");
        var location = eol.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("requirements.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "PYFLEET-PYTHON-EOL");
    }

    [Fact]
    public async Task Outdated_FormatCycloneDx_InventoryBom()
    {
        var result = await OutdatedAsync("cyclonedx");

        using var bom = JsonDocument.Parse(result.Stdout);
        var packages = bom.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "application").GetProperty("components");
        Assert.Equal(["pkg:pypi/django@3.2.12", "pkg:pypi/numpy@1.24.0"], packages.EnumerateArray().Select(p => p.GetProperty("purl").GetString()));
    }

    [Theory]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("markdown", "## Pyfleet outdated: ")]
    public async Task Outdated_FormatHtmlOrMarkdown_EolTable(string format, string start)
    {
        var result = await OutdatedAsync(format);

        Assert.StartsWith(start, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("end-of-life", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("django 3.2", result.Stdout, StringComparison.Ordinal);
    }
}
