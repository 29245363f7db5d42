using System.Text.Json;
using Pyfleet.Cli.Tests.Audit;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Tests.Inputs;

/// <summary>Issue 11 §1/§4: every command reads inputs the same way, and says per input whether it was checked.</summary>
public sealed class InputResolutionTests : IDisposable
{
    private static readonly string SmallZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "small-pypi.zip");
    private readonly CliRunner _cli = new();

    public InputResolutionTests() => _cli.CurrentDirectory = _cli.Home;

    public void Dispose() => _cli.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_cli.Home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Scan_ExplicitFile_ReadsItAsAuditDoes()
    {
        var file = Write("requirements.txt", "urllib3==1.26.12\n");

        var result = await _cli.RunAsync("scan", file, "--format", "json", "--no-store");

        Assert.Equal(0, result.ExitCode);
        var environment = Assert.Single(InventoryJson.Deserialize(result.Stdout).Environments);
        Assert.Equal(file, environment.Path);
        Assert.Equal("urllib3", Assert.Single(environment.Packages).Name);
    }

    [Fact]
    public async Task Scan_ExplicitFileOfAnyName_ReadsTheManifestItIs()
    {
        Write("deps/prod.pip", "urllib3==1.26.12\nsix==1.16.0\n");

        var result = await _cli.RunAsync("scan", "deps/prod.pip", "--format", "json", "--no-store");

        Assert.Equal(0, result.ExitCode);
        var environment = Assert.Single(InventoryJson.Deserialize(result.Stdout).Environments);
        Assert.Equal(["six", "urllib3"], environment.Packages.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Scan_UnknownOption_UsageErrorInOneLineWithTheNearestOption()
    {
        var result = await _cli.RunAsync("scan", "--sytem");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: unknown option '--sytem'", line, StringComparison.Ordinal);
        Assert.Contains("did you mean '--system'?", line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Audit_System_IsAnOptionNotAPath()
    {
        // Regression: 'audit --system' was read as a path named '--system'. (--osv-api with --offline stops the run
        // before the host is scanned, so this test does not depend on what this machine has installed.)
        var result = await _cli.RunAsync("audit", "--system", "--osv-api", "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--osv-api asks the network", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown option", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "--max-depth", "abc")]
    [InlineData("audit", "--as-of", "yesterday")]
    [InlineData("audit", "--format", "xml")]
    public async Task Command_BadOptionValue_OneErrorLineAndAHintNotTheHelp(string command, string option, string value)
    {
        var result = await _cli.RunAsync(command, option, value);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("hint: ", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Options:", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OneUnreadableInputBesideAGoodOne_BothReportedNotCheckedExitTwo()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var good = AuditCommandTests.WriteInventory(_cli.Home, ("urllib3", "1.26.12"));
        var missing = Path.Combine(_cli.Home, "gone.txt");

        var table = await _cli.RunAsync("audit", good, missing, "--offline");
        var json = await _cli.RunAsync("audit", good, missing, "--offline", "--format", "json");

        Assert.Equal(2, table.ExitCode);
        Assert.Contains("PYSEC-2023-192", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"checked: {good} (1 environment, 1 package)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"not checked: {missing}", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 input could not be checked", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"error: {missing}: no such file or folder", table.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var inventories = document.RootElement.GetProperty("inventories");
        Assert.True(inventories[0].GetProperty("checked").GetBoolean());
        Assert.False(inventories[1].GetProperty("checked").GetBoolean());
        Assert.Equal("no such file or folder", inventories[1].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(1, document.RootElement.GetProperty("summary").GetProperty("notChecked").GetInt32());
    }

    [Fact]
    public async Task Audit_FolderWithConfigLabels_LabelsEveryEnvironment()
    {
        // Regression: 'audit DIR' ignored [labels] (only 'scan' applied them).
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        Write("project/requirements.txt", "urllib3==1.26.12\n");
        Write("config.toml", "[labels]\n\"project/requirements.txt\" = [\"shop\", \"billing\"]\n");

        var result = await _cli.RunAsync("audit", "project", "--offline", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        var environment = document.RootElement.GetProperty("inventories")[0].GetProperty("environments")[0];
        Assert.Equal(["shop", "billing"], environment.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Outdated_SnapshotInput_IsReadLikeAudit()
    {
        Write("project/requirements.txt", "urllib3==1.26.12\n");
        Assert.Equal(0, (await _cli.RunAsync("scan", "project")).ExitCode);

        var result = await _cli.RunAsync("outdated", "snapshot:1", "--offline", "--format", "json");

        // Offline with an empty cache nothing can be looked up: "not checked", never a clean exit 0.
        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("urllib3", document.RootElement.GetProperty("environments")[0].GetProperty("packages")[0].GetProperty("name").GetString());
        Assert.NotEqual(0, document.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Outdated_UnreachableIndex_NotCheckedExitTwo()
    {
        var file = Write("requirements.txt", "urllib3==1.26.12\n");

        var result = await _cli.RunAsync("outdated", file, "--index-url", "http://127.0.0.1:9/simple/", "--eol-url", "http://127.0.0.1:9/api/v1", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Contains("urllib3", document.RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_BadEnvironmentValue_IsBlamedOnTheVariable()
    {
        _cli.WithEnvironment("PYFLEET_OSV_MAX_AGE_DAYS", "abc");

        var result = await _cli.RunAsync("audit", AuditCommandTests.WriteInventory(_cli.Home, ("six", "1.16.0")), "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PYFLEET_OSV_MAX_AGE_DAYS must be an integer, not 'abc'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("config.toml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_UnknownKeyAndSection_WarnWithTheNearestKnownOne()
    {
        Write("config.toml", "[osv]\nsorce = \"x.zip\"\n\n[lifecycel]\nwarn-days = 30\n");
        Directory.CreateDirectory(Path.Combine(_cli.Home, "empty"));

        var result = await _cli.RunAsync("scan", "empty", "--no-store");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("config.toml:2: unknown key 'osv.sorce' (did you mean 'osv.source'?)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown section [lifecycel] (did you mean 'lifecycle'?)", result.Stderr, StringComparison.Ordinal);
    }
}
