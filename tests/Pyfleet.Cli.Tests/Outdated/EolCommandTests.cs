using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Outdated;

public sealed class EolCommandTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task EolSync_ThenOfflineShow_UsesSyncedStore()
    {
        var sync = await _cli.RunAsync("eol", "sync", "--eol-url", fixture.Server.EolUrl);
        Assert.Equal(0, sync.ExitCode);
        Assert.Equal("synced 4 products", sync.Stdout.Trim());
        var show = await _cli.RunAsync("eol", "show", "python", "3.8.10", "--offline", "--as-of", "2026-08-22", "--eol-url", "http://127.0.0.1:9/unreachable");
        Assert.Equal(1, show.ExitCode);
        Assert.Equal("python 3.8: EOL since 2024-10-07; active support ended 2021-05-03; LTS no; latest 3.8.20", show.Stdout.Trim());
    }

    [Fact]
    public async Task EolShow_PypiNameMapsToProduct_WarnsAhead()
    {
        var show = await _cli.RunAsync("eol", "show", "Django", "5.2.3", "--as-of", "2028-03-01", "--eol-warn-days", "90", "--eol-url", fixture.Server.EolUrl);
        Assert.Equal(0, show.ExitCode);
        Assert.StartsWith("django 5.2: EOL on 2028-04-30 (in 60 days)", show.Stdout.Trim());
    }

    [Fact]
    public async Task Outdated_ConfigToml_SuppliesIndexAndEolUrls()
    {
        File.WriteAllText(Path.Combine(_cli.Home, "config.toml"),
            $"[releases]\nindex-url = \"{fixture.Server.SimpleUrl}\"\n\n[lifecycle]\neol-url = \"{fixture.Server.EolUrl}\"\n");
        var file = Path.Combine(_cli.Home, "requirements.txt");
        File.WriteAllText(file, "django==3.2.12\n");
        var result = await _cli.RunAsync("outdated", file, "--python", "3.8", "--as-of", "2026-08-22", "--format", "json");
        Assert.Contains("\"latestInMinor\": \"3.2.25\"", result.Stdout);
        Assert.Contains("\"cycle\": \"3.2\"", result.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
