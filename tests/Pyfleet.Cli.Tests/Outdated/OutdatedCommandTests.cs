using System.Text.Json;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Tests.Outdated;

public sealed class OutdatedCommandTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_cli.Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement Package(JsonElement root, string name) =>
        root.GetProperty("environments")[0].GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Outdated_RequirementsOnPython38_ReportsLatestKindsAndEol()
    {
        var file = Write("requirements.txt", "Django==3.2.12\nnumpy==1.24.0\n");
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8.10", "--format", "json", .. fixture.Options]);
        Assert.Equal(1, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var django = Package(root, "django");
        Assert.Equal("4.2.30", django.GetProperty("latest").GetString());
        Assert.Equal("3.2.25", django.GetProperty("latestInMinor").GetString());
        Assert.Equal("3.2.25", django.GetProperty("latestInMajor").GetString());
        Assert.Equal("major", django.GetProperty("upgradeKind").GetString());
        Assert.Equal("3.2.25", django.GetProperty("recommended").GetString());
        Assert.Equal("6.1", django.GetProperty("blockedByPython").GetProperty("version").GetString());
        Assert.Equal("3.2", django.GetProperty("eol").GetProperty("cycle").GetString());
        Assert.True(django.GetProperty("eol").GetProperty("isEol").GetBoolean());
        Assert.Equal("2024-04-01", django.GetProperty("eol").GetProperty("eolDate").GetString());
        Assert.Equal(JsonValueKind.Null, django.GetProperty("yanked").ValueKind);
        var python = root.GetProperty("environments")[0].GetProperty("python").GetProperty("eol");
        Assert.Equal("3.8", python.GetProperty("cycle").GetString());
        Assert.True(python.GetProperty("isEol").GetBoolean());
        Assert.Equal("1.24", Package(root, "numpy").GetProperty("eol").GetProperty("cycle").GetString());
    }

    [Fact]
    public async Task Outdated_OfflineWithEmptyCache_SaysWhyThereIsNoDataInsteadOfNotFound()
    {
        var file = Write("requirements.txt", "django==3.2.13\n");
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--offline", "--format", "json", .. fixture.Options]);
        var django = Package(JsonDocument.Parse(result.Stdout).RootElement, "django");
        Assert.Equal("unknown", django.GetProperty("upgradeKind").GetString());
        Assert.Contains("--offline", django.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not found", django.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outdated_EndOfLifeServiceUnreachable_ReleasesStillReportedWithAWarning()
    {
        var file = Write("requirements.txt", "django==4.2.29\n");
        string[] options = ["--index-url", fixture.Server.SimpleUrl, "--eol-url", "http://127.0.0.1:1/api/v1", "--as-of", "2026-08-22"];
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--format", "json", .. options]);
        var django = Package(JsonDocument.Parse(result.Stdout).RootElement, "django");
        Assert.Equal("4.2.30", django.GetProperty("latestInMinor").GetString());
        Assert.Contains("end-of-life data for 'django' unavailable", result.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(2, result.ExitCode);
    }

    [Fact]
    public async Task Outdated_YankedInstall_ReportedWithReason()
    {
        var file = Write("requirements.txt", "django==3.2.13\n");
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--format", "json", .. fixture.Options]);
        Assert.Equal("broken upload", Package(JsonDocument.Parse(result.Stdout).RootElement, "django").GetProperty("yanked").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Outdated_KindFilter_KeepsOnlyThatKind()
    {
        var file = Write("requirements.txt", "django==4.2.29\nnumpy==1.24.0\n");
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--kind", "patch", "--format", "json", .. fixture.Options]);
        var packages = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("environments")[0].GetProperty("packages");
        Assert.Equal(["django"], packages.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Outdated_DpkgPackageOnDebian12_DistributionSupportBesideUpstream()
    {
        var inventory = new InventoryDocument
        {
            Host = new HostInfo { Name = "web1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)") },
            ScannedAt = DateTimeOffset.Parse("2026-08-22T00:00:00Z"),
            Environments =
            [
                new PythonEnvironment
                {
                    Path = "/usr/lib/python3/dist-packages",
                    Kind = EnvironmentKinds.System,
                    Python = new PythonRuntime("3.11.2"),
                    Packages = [new InventoryPackage { Name = "django", Version = "3.2.19", OsPackage = new OsPackageInfo("dpkg", "python3-django", "3:3.2.19-1+deb12u2", "python-django") }],
                },
            ],
        };
        var file = Write("inventory.json", InventoryJson.Serialize(inventory));
        var result = await _cli.RunAsync(["outdated", file, "--format", "json", .. fixture.Options]);
        var eol = Package(JsonDocument.Parse(result.Stdout).RootElement, "django").GetProperty("eol");
        Assert.True(eol.GetProperty("isEol").GetBoolean()); // upstream 3.2 ended 2024-04-01
        Assert.Equal("12", eol.GetProperty("distribution").GetProperty("cycle").GetString());
        Assert.Equal("2028-06-30", eol.GetProperty("distribution").GetProperty("supportEnd").GetString());
        Assert.False(eol.GetProperty("effectiveEol").GetBoolean()); // judged by Debian's support
        Assert.Equal("12", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("hostOsEol").GetProperty("cycle").GetString());
    }

    [Fact]
    public async Task Outdated_Table_ShowsRowsAndRedactedIndex()
    {
        var file = Write("requirements.txt", "Django==3.2.12\n");
        var url = fixture.Server.SimpleUrl.Replace("http://", "http://ci:t0ps3cret@");
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--index-url", url, "--eol-url", fixture.Server.EolUrl, "--as-of", "2026-08-22"]);
        Assert.Contains("3.2.25", result.Stdout);
        Assert.Contains("django 3.2: EOL since 2024-04-01", result.Stdout);
        Assert.Contains("ci:****@", result.Stdout);
        Assert.DoesNotContain("t0ps3cret", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Outdated_MissingFile_ExitsTwoNamingFile()
    {
        var result = await _cli.RunAsync(["outdated", Path.Combine(_cli.Home, "nope.txt"), .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.txt: no such file", result.Stderr);
    }

    [Fact]
    public async Task Outdated_OfflineAfterOnlineRun_GivesSameAnswer()
    {
        var file = Write("requirements.txt", "Django==3.2.12\n");
        var online = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--format", "json", .. fixture.Options]);
        var offline = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--format", "json", "--offline", .. fixture.Options]);
        Assert.Equal(online.Stdout, offline.Stdout);
        var uncached = await _cli.RunAsync(["outdated", file, "--offline", "--index-url", "http://127.0.0.1:9/simple/", "--eol-url", fixture.Server.EolUrl, "--format", "json"]);
        Assert.Contains("not in the cache and --offline is set", uncached.Stderr);
    }

    public void Dispose() => _cli.Dispose();
}
