using System.Text.Json;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Cli.Tests.Scan;

/// <summary><c>pyfleet scan</c> end to end in-process: JSON contract, table, snapshots, usage errors.</summary>
public sealed class ScanCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _tree = Directory.CreateTempSubdirectory("pyfleet-scan-cli-").FullName;

    public ScanCommandTests()
    {
        Write("srv/app/.venv/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n");
        Write("srv/app/.venv/lib/python3.11/site-packages/Django-4.2.3.dist-info/METADATA", "Metadata-Version: 2.1\nName: Django\nVersion: 4.2.3\n\n");
        Write("srv/app/.venv/lib/python3.11/site-packages/Django-4.2.3.dist-info/INSTALLER", "pip\n");
        Write("srv/app/.venv/lib/python3.11/site-packages/broken-1.0.dist-info/METADATA", "garbage");
        _cli.CurrentDirectory = _tree;
    }

    [Fact]
    public async Task Scan_FormatJson_WritesTheStableContract()
    {
        var result = await _cli.RunAsync("scan", "srv", "--format", "json", "--label", "srv/app/.venv=shop");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("host").GetProperty("name").GetString()));
        Assert.Equal(_cli.Now, root.GetProperty("scannedAt").GetDateTimeOffset());
        var environment = root.GetProperty("environments").EnumerateArray().Single();
        Assert.Equal(Path.Combine(_tree, "srv/app/.venv"), environment.GetProperty("path").GetString());
        Assert.Equal("venv", environment.GetProperty("kind").GetString());
        Assert.Equal("""{"version":"3.11.7","implementation":"cpython"}""", environment.GetProperty("python").GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.Equal(["shop"], environment.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var django = environment.GetProperty("packages").EnumerateArray().Single();
        foreach (var (key, expected) in new[] { ("name", "\"django\""), ("displayName", "\"Django\""), ("version", "\"4.2.3\""), ("installer", "\"pip\""), ("editable", "false"), ("url", "null"), ("inherited", "false"), ("osPackage", "null") })
        {
            Assert.Equal(expected, django.GetProperty(key).GetRawText());
        }

        Assert.EndsWith("Django-4.2.3.dist-info", django.GetProperty("location").GetString());
        var warning = root.GetProperty("warnings").EnumerateArray().Single();
        Assert.EndsWith("broken-1.0.dist-info", warning.GetProperty("path").GetString());
        Assert.Contains("snapshot 1 stored", result.Stderr);
        Assert.Equal("django", InventoryJson.Deserialize(result.Stdout).Environments[0].Packages[0].Name);
    }

    [Fact]
    public async Task Scan_RequirementsAndLockFiles_AreReportedAsDeclaredEnvironments()
    {
        Write("srv/app/requirements.txt", "-r base.txt\nrequests==2.31.0 \\\n    --hash=sha256:942c5a758f98d790eaed1a29cb6eefc7ffb0d1cf7af05c3d2791656dbd6ad1e1\n");
        Write("srv/app/base.txt", "# base pins\ndjango==4.2.7\n");
        Write("srv/app/.venv/lib/python3.11/site-packages/somepkg/requirements.txt", "ignored==1.0\n");

        var result = await _cli.RunAsync("scan", "srv", "--format", "json", "--no-store");

        var environments = InventoryJson.Deserialize(result.Stdout).Environments;
        var requirements = environments.Single(e => e.Path == Path.Combine(_tree, "srv/app/requirements.txt"));
        Assert.Equal(EnvironmentKinds.Requirements, requirements.Kind);
        var requests = requirements.Packages.Single(p => p.Name == "requests");
        Assert.Equal("2.31.0", requests.Version);
        Assert.Equal(Path.Combine(_tree, "srv/app/requirements.txt") + ":2", requests.Origin);
        Assert.Single(requests.Hashes);
        Assert.Equal(Path.Combine(_tree, "srv/app/base.txt") + ":2", requirements.Packages.Single(p => p.Name == "django").Origin);
        Assert.DoesNotContain(environments, e => e.Path.Contains("somepkg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_MalformedRequirementsLine_IsAnErrorExitTwoAndTheRestIsRead()
    {
        // pip refuses the file: that file is "not checked" (exit 2), what could be read is still reported.
        Write("srv/app/requirements.txt", "django==4.2.7\nthis is not a requirement\nsix==1.16.0\n");

        var result = await _cli.RunAsync("scan", "srv", "--format", "json", "--no-store");

        Assert.Equal(2, result.ExitCode);
        var document = InventoryJson.Deserialize(result.Stdout);
        var requirements = document.Environments.Single(e => e.Kind == EnvironmentKinds.Requirements);
        Assert.Equal(["django", "six"], requirements.Packages.Select(p => p.Name).Order());
        var errors = document.Errors.Concat(requirements.Errors).ToList();
        Assert.Contains(errors, e => e.Path.EndsWith("requirements.txt", StringComparison.Ordinal) && (e.Line == 2 || e.Message.Contains("line 2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scan_LabelsFromConfig_AreAttached()
    {
        File.WriteAllText(Path.Combine(_cli.Home, "config.toml"), $"[labels]\n\"{Path.Combine(_tree, "srv/app/.venv")}\" = [\"shop\", \"billing\"]\n");

        var result = await _cli.RunAsync("scan", "srv", "--format", "json", "--no-store");

        var environment = InventoryJson.Deserialize(result.Stdout).Environments.Single(e => e.Kind == EnvironmentKinds.Venv);
        Assert.Equal(["shop", "billing"], environment.Labels);
    }

    [Fact]
    public async Task Scan_Default_PrintsATableOfTheCurrentFolder()
    {
        var result = await _cli.RunAsync("scan", "--no-store");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Path.Combine(_tree, "srv/app/.venv"), result.Stdout);
        Assert.Contains("Django", result.Stdout);
        Assert.Contains("4.2.3", result.Stdout);
        Assert.Contains("1 environment, 1 package, 1 warning", result.Stdout);
        // Table-mode warnings go to stderr (stdout is the report), as audit's do.
        Assert.Contains("warning: ", result.Stderr);
        Assert.Contains("broken-1.0.dist-info", result.Stderr);
        Assert.DoesNotContain("broken-1.0.dist-info", result.Stdout);
        Assert.False(File.Exists(Path.Combine(_cli.Home, "pyfleet.db")));
    }

    [Fact]
    public async Task Scan_Snapshots_AreStoredListedAndReadBackById()
    {
        await _cli.RunAsync("scan", "srv", "--format", "json");
        var second = await _cli.RunAsync("scan", "srv", "--format", "json");
        var list = await _cli.RunAsync("scan", "--list-snapshots", "--format", "json");
        var shown = await _cli.RunAsync("scan", "--snapshot", "2", "--format", "json");

        using var listed = JsonDocument.Parse(list.Stdout);
        Assert.Equal([2L, 1L], listed.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        Assert.Equal(1, listed.RootElement[0].GetProperty("packages").GetInt32());
        Assert.Equal(second.Stdout, shown.Stdout);
        var store = SqliteStore.Open(Path.Combine(_cli.Home, "pyfleet.db")).Snapshots;
        Assert.Equal(2, await store.LatestAsync());
        Assert.Equal("django", (await store.LoadAsync(1)).Environments.Single().Packages.Single().Name);
    }

    [Fact]
    public async Task Scan_UnknownSnapshot_IsAnInputError()
    {
        var result = await _cli.RunAsync("scan", "--snapshot", "42");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no snapshot with id 42", result.Stderr);
    }

    [Theory]
    [InlineData("--root", "/no/such/root")]
    [InlineData("--label", "just-a-path")]
    [InlineData("--format", "xml")]
    [InlineData("--max-depth", "-1")]
    public async Task Scan_BadOption_ExitsWithUsageError(string option, string value)
    {
        var result = await _cli.RunAsync("scan", "srv", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.True(result.Stderr.Contains(option, StringComparison.Ordinal) || result.Stderr.Contains(value, StringComparison.Ordinal), result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Scan_WithRoot_ReportsPathsAsTheImageSeesThem()
    {
        var result = await _cli.RunAsync("scan", "/srv", "--root", _tree, "--format", "json", "--no-store");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/srv/app/.venv", InventoryJson.Deserialize(result.Stdout).Environments.Single().Path);
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_tree, recursive: true);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
