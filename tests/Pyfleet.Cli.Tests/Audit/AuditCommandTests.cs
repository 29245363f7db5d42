using System.Text.Json;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Core.Inventory;
using Pyfleet.Testing.Data;
using Pyfleet.Testing.Http;

namespace Pyfleet.Cli.Tests.Audit;

public sealed class AuditCommandTests : IDisposable
{
    private static readonly string SmallZip = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "small-pypi.zip");
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    internal static string WriteInventory(string directory, params (string Name, string Version)[] packages)
    {
        var document = new InventoryDocument
        {
            Host = new HostInfo { Name = "web-1" },
            ScannedAt = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero),
            Environments = [new PythonEnvironment { Path = "/srv/shop/.venv", Kind = EnvironmentKinds.Venv, Labels = ["shop"],
                Packages = [.. packages.Select(p => new InventoryPackage { Name = p.Name, Version = p.Version })] }],
        };
        var path = Path.Combine(directory, $"inventory-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, InventoryJson.Serialize(document));
        return path;
    }

    [Fact]
    public async Task Audit_FreshMachineWithLocalSourceEnv_SyncsOnceOfflineAndReportsJson()
    {
        _cli.WithEnvironment("PYFLEET_OSV_SOURCE", SharedData.OsvPyPIZip);
        var inventory = WriteInventory(_cli.Home, ("urllib3", "1.26.12"), ("Django", "3.2.1"), ("six", "1.16.0"));
        var result = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the advisory database is empty: syncing it first", result.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        var packages = json.RootElement.GetProperty("inventories")[0].GetProperty("environments")[0].GetProperty("packages");
        var urllib3 = packages.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "urllib3");
        var vulnerability = urllib3.GetProperty("vulnerabilities").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "PYSEC-2023-192");
        Assert.Equal("high", vulnerability.GetProperty("severity").GetString());
        Assert.Equal(8.1, vulnerability.GetProperty("score").GetDouble());
        Assert.Equal(["1.26.17", "2.0.6"], vulnerability.GetProperty("fixedIn").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("PyPI", vulnerability.GetProperty("source").GetString());
        Assert.Contains("CVE-2023-43804", vulnerability.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("1.26.18", urllib3.GetProperty("minimalFix").GetString());
        Assert.DoesNotContain(packages.EnumerateArray(), p => p.GetProperty("name").GetString() == "six");

        // Second run: the database exists, no sync.
        var again = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json");
        Assert.DoesNotContain("syncing", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OfflineWithEmptyDatabaseAndRemoteSource_ClearErrorExit2()
    {
        var inventory = WriteInventory(_cli.Home, ("urllib3", "1.26.12"));
        var result = await _cli.RunAsync("audit", inventory, "--offline");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--offline: the local advisory database", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("PYFLEET_OSV_SOURCE", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("critical", 0)] // urllib3 1.26.12: high 8.1 and medium 4.2, nothing critical
    [InlineData("high", 1)]
    public async Task Audit_FailOn_ThresholdDecidesExitCode(string threshold, int expected)
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var inventory = WriteInventory(_cli.Home, ("urllib3", "1.26.12"));
        var result = await _cli.RunAsync("audit", inventory, "--offline", "--fail-on", threshold);
        Assert.Equal(expected, result.ExitCode);
        Assert.Contains("PYSEC-2023-192", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_SuppressionInPyfleetToml_HiddenWithReasonAndExpiryReturnsIt()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var inventory = WriteInventory(_cli.Home, ("urllib3", "1.26.12"));
        _cli.CurrentDirectory = _cli.Home;
        File.WriteAllText(Path.Combine(_cli.Home, ".pyfleet.toml"), """
            [[suppress]]
            id = "CVE-2023-43804"
            package = "urllib3"
            reason = "no cookies cross origins here"
            expires = 2026-09-30

            [[suppress]]
            id = "PYSEC-2023-212"
            reason = "accepted"
            """);
        var result = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no cookies cross origins here", result.Stdout, StringComparison.Ordinal);

        var later = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json", "--as-of", "2026-10-01");
        Assert.Equal(1, later.ExitCode);
        using var json = JsonDocument.Parse(later.Stdout);
        var package = json.RootElement.GetProperty("inventories")[0].GetProperty("environments")[0].GetProperty("packages")[0];
        Assert.Equal("PYSEC-2023-192", Assert.Single(package.GetProperty("vulnerabilities").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Audit_OldDatabaseOffline_WarnsWithAge()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        _cli.Now = _cli.Now.AddDays(30);
        var result = await _cli.RunAsync("audit", WriteInventory(_cli.Home, ("six", "1.0")), "--offline", "--max-age", "14");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the advisory database is 30 days old", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_BrokenInventoryDocument_ErrorWithPathAndLineNoStackTrace()
    {
        var path = Path.Combine(_cli.Home, "inventory.json");
        File.WriteAllText(path, "{\"schemaVersion\": 1,\n \"environments\": [\n  {\"path\": \n");
        var result = await _cli.RunAsync("audit", path, "--offline");
        Assert.Equal(2, result.ExitCode);
        Assert.Matches($"^error: {System.Text.RegularExpressions.Regex.Escape(path)}:[34]: not an inventory document", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_FolderWithRequirementsFile_MainJobOfflineWithLocalSource()
    {
        // The README's main job on a machine without internet: PYFLEET_OSV_SOURCE=.../all.zip pyfleet audit .
        var project = Directory.CreateDirectory(Path.Combine(_cli.Home, "project")).FullName;
        File.WriteAllText(Path.Combine(project, "requirements.txt"), "urllib3==1.26.12\nsix==1.16.0\nflask>=2\n");
        _cli.CurrentDirectory = project;
        _cli.WithEnvironment("PYFLEET_OSV_SOURCE", SharedData.OsvPyPIZip);
        var result = await _cli.RunAsync("audit", ".");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PYSEC-2023-192", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1.26.18", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("six", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_FolderWithInstalledVenv_ScansItAndReportsFindings()
    {
        var site = Directory.CreateDirectory(Path.Combine(_cli.Home, "srv", "app", ".venv", "lib", "python3.11", "site-packages")).FullName;
        File.WriteAllText(Path.Combine(_cli.Home, "srv", "app", ".venv", "pyvenv.cfg"), "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n");
        var distInfo = Directory.CreateDirectory(Path.Combine(site, "urllib3-1.26.12.dist-info")).FullName;
        File.WriteAllText(Path.Combine(distInfo, "METADATA"), "Metadata-Version: 2.1\nName: urllib3\nVersion: 1.26.12\n\n");
        _cli.WithEnvironment("PYFLEET_OSV_SOURCE", SharedData.OsvPyPIZip);

        var result = await _cli.RunAsync("audit", Path.Combine(_cli.Home, "srv"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var environment = json.RootElement.GetProperty("inventories")[0].GetProperty("environments")[0];
        Assert.EndsWith(".venv", environment.GetProperty("path").GetString(), StringComparison.Ordinal);
        var urllib3 = environment.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "urllib3");
        Assert.Contains(urllib3.GetProperty("vulnerabilities").EnumerateArray(), v => v.GetProperty("id").GetString() == "PYSEC-2023-192");
    }

    [Fact]
    public async Task Audit_StoredSnapshotById_IsAudited()
    {
        var project = Directory.CreateDirectory(Path.Combine(_cli.Home, "project")).FullName;
        File.WriteAllText(Path.Combine(project, "requirements.txt"), "urllib3==1.26.12\n");
        Assert.Equal(0, (await _cli.RunAsync("scan", project)).ExitCode);
        _cli.WithEnvironment("PYFLEET_OSV_SOURCE", SmallZip);

        var result = await _cli.RunAsync("audit", "snapshot:1", "--format", "json");
        var missing = await _cli.RunAsync("audit", "snapshot:99");

        Assert.Contains("urllib3", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no snapshot with id 99", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_TwoInventoryDocumentsManyEnvironments_EachEnvironmentReportedOnceWithSharedVerdicts()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var environments = Enumerable.Range(0, 300).Select(i => new PythonEnvironment
        {
            Path = $"/srv/app-{i:000}/.venv",
            Kind = EnvironmentKinds.Venv,
            Packages = [new InventoryPackage { Name = "urllib3", Version = i % 2 == 0 ? "1.26.12" : "1.26.18" }, new InventoryPackage { Name = "six", Version = "1.16.0" }],
        }).ToList();
        var first = Path.Combine(_cli.Home, "fleet-a.json");
        var second = Path.Combine(_cli.Home, "fleet-b.json");
        File.WriteAllText(first, InventoryJson.Serialize(new InventoryDocument { Host = new HostInfo { Name = "a" }, ScannedAt = DateTimeOffset.UnixEpoch, Environments = environments }, indented: false));
        File.WriteAllText(second, InventoryJson.Serialize(new InventoryDocument { Host = new HostInfo { Name = "b" }, ScannedAt = DateTimeOffset.UnixEpoch, Environments = environments[..3] }));

        var result = await _cli.RunAsync("audit", first, second, "--offline", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var inventories = json.RootElement.GetProperty("inventories");
        Assert.Equal(["a", "b"], inventories.EnumerateArray().Select(i => i.GetProperty("host").GetString()));
        var paths = inventories[0].GetProperty("environments").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(environments.Select(e => e.Path), paths);
        var vulnerable = inventories[0].GetProperty("environments").EnumerateArray().Count(e => e.GetProperty("packages").GetArrayLength() > 0);
        Assert.Equal(150, vulnerable);
        Assert.Equal(152, json.RootElement.GetProperty("summary").GetProperty("vulnerablePackages").GetInt32());
        Assert.Equal(303, json.RootElement.GetProperty("summary").GetProperty("environments").GetInt32());
    }

    [Fact]
    public async Task Audit_InventoryWithABadEnvironmentFarIn_ExitsTwoNamingFileAndLine()
    {
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", SmallZip)).ExitCode);
        var lines = Enumerable.Range(0, 200).Select(i => $"{{\"path\":\"/e{i}\",\"kind\":\"venv\",\"packages\":[{{\"name\":\"six\",\"version\":\"1.0\"}}]}},").ToList();
        lines[150] = "{\"path\":\"/bad\",\"kind\":\"venv\",\"packages\":[{\"name\":\"six\",\"version\":[1]}]},";
        lines[^1] = lines[^1].TrimEnd(',');
        var path = Path.Combine(_cli.Home, "fleet.json");
        File.WriteAllText(path, "{\"schemaVersion\":1,\"host\":{\"name\":\"h\"},\"scannedAt\":\"2026-01-01T00:00:00Z\",\"environments\":[\n" + string.Join("\n", lines) + "\n]}\n");

        var result = await _cli.RunAsync("audit", path, "--offline", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:152: not an inventory document: environments[150].packages[0].version must be a string", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_OsvApi_AsksQueryBatchFetchesRecordsAndJudgesThemLocally()
    {
        // A loopback api.osv.dev: querybatch names every urllib3 record of the fixture (as the API would for an
        // affected version), /v1/vulns/{id} serves the record JSON itself; the audit still evaluates each locally.
        using var zip = System.IO.Compression.ZipFile.OpenRead(SmallZip);
        var records = zip.Entries.ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), e => new StreamReader(e.Open()).ReadToEnd());
        var urllib3 = records.Where(r => r.Value.Contains("\"urllib3\"", StringComparison.Ordinal)).Select(r => r.Key).ToList();
        var asked = new List<string>();
        using var server = new LoopbackServer(request =>
        {
            if (request.Path == "/v1/querybatch")
            {
                using var body = JsonDocument.Parse(request.Body);
                var answers = body.RootElement.GetProperty("queries").EnumerateArray().Select(q =>
                {
                    lock (asked)
                    {
                        asked.Add($"{q.GetProperty("package").GetProperty("ecosystem").GetString()}/{q.GetProperty("package").GetProperty("name").GetString()}@{q.GetProperty("version").GetString()}");
                    }

                    return q.GetProperty("package").GetProperty("name").GetString() == "urllib3"
                        ? "{\"vulns\":[" + string.Join(",", urllib3.Select(id => $"{{\"id\":\"{id}\"}}")) + "]}"
                        : "{}";
                });
                return LoopbackServerResponse.Text(200, "{\"results\":[" + string.Join(",", answers) + "]}");
            }

            var id = request.Path["/v1/vulns/".Length..];
            return records.TryGetValue(id, out var json) ? LoopbackServerResponse.Text(200, json) : LoopbackServerResponse.Text(404, "{}");
        });
        _cli.WithEnvironment("PYFLEET_OSV_API_URL", server.BaseUri.ToString());
        var inventory = WriteInventory(_cli.Home, ("urllib3", "1.26.12"), ("six", "1.16.0"), ("urllib3", "1.26.12"));

        var result = await _cli.RunAsync("audit", inventory, "--osv-api", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["PyPI/urllib3@1.26.12", "PyPI/six@1.16.0"], asked);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(server.BaseUri.ToString(), json.RootElement.GetProperty("database")[0].GetProperty("source").GetString());
        var package = json.RootElement.GetProperty("inventories")[0].GetProperty("environments")[0].GetProperty("packages")[0];
        Assert.Contains(package.GetProperty("vulnerabilities").EnumerateArray(), v => v.GetProperty("id").GetString() == "PYSEC-2023-192");
        Assert.Equal("1.26.18", package.GetProperty("minimalFix").GetString());
    }

    [Fact]
    public async Task Audit_OsvApiWithOffline_IsRefused()
    {
        var result = await _cli.RunAsync("audit", WriteInventory(_cli.Home, ("six", "1.16.0")), "--osv-api", "--offline");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--osv-api asks the network", result.Stderr, StringComparison.Ordinal);
    }
}
