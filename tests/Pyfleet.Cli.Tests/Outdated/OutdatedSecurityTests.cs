using System.Text.Json;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary><c>outdated</c> classes upgrades with the same advisory database that <c>sync</c> fills and <c>audit</c> reads.</summary>
public sealed class OutdatedSecurityTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>, IDisposable
{
    // The 14 real PyPA records (from shared/data/osv/PyPI/all.zip) that affect Django 3.2.12.
    private static readonly string DjangoAdvisories = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "django-3.2.12.zip");

    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Outdated_AfterSync_ClassesSecurityUpgradeWithMinimalFix()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", DjangoAdvisories)).ExitCode);
        var file = Path.Combine(_cli.Home, "requirements.txt");
        File.WriteAllText(file, "Django==3.2.12\n");

        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8.10", "--format", "json", .. fixture.Options]);

        var django = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("environments")[0].GetProperty("packages")[0];
        Assert.Equal("security", django.GetProperty("upgradeKind").GetString());

        // Smallest release after 3.2.12 affected by none of the 14 advisories (checked independently with packaging).
        Assert.Equal("3.2.25", django.GetProperty("recommended").GetString());
        Assert.DoesNotContain("no advisory database", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Outdated_WithoutSync_SaysNoAdvisoryDatabase()
    {
        var file = Path.Combine(_cli.Home, "requirements.txt");
        File.WriteAllText(file, "Django==3.2.12\n");

        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8.10", "--format", "json", .. fixture.Options]);

        Assert.Contains("no advisory database", result.Stderr, StringComparison.Ordinal);
        var django = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("environments")[0].GetProperty("packages")[0];
        Assert.NotEqual("security", django.GetProperty("upgradeKind").GetString());
    }

    public void Dispose() => _cli.Dispose();
}
