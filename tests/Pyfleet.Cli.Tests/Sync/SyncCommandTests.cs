using Pyfleet.Cli.Tests.Support;
using Pyfleet.Testing.Data;
using Pyfleet.Testing.Http;

namespace Pyfleet.Cli.Tests.Sync;

/// <summary><c>pyfleet sync</c> against a loopback server that speaks like the OSV bucket (real PyPI export).</summary>
public sealed class SyncCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public SyncCommandTests()
    {
        _cli.WithEnvironment("PYFLEET_HTTP_RETRIES", "1").WithEnvironment("PYFLEET_HTTP_RETRY_DELAY_MS", "5");
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sync_BucketThenAgain_StoresAllThen304Unchanged()
    {
        using var server = new LoopbackServer(LoopbackServer.Bucket(new Dictionary<string, string> { ["/PyPI/all.zip"] = SharedData.OsvPyPIZip }));
        var url = server.Url("PyPI/all.zip").ToString();

        var first = await _cli.RunAsync("sync", "--source", url, "--full");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2661 advisories stored (10 withdrawn kept but not reported", first.Stderr, StringComparison.Ordinal);

        var second = await _cli.RunAsync("sync", "--source", url, "--full");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("304 Not Modified", second.Stderr, StringComparison.Ordinal);
        Assert.NotNull(server.Requests.Last().Header("If-None-Match"));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupt")]
    public async Task Sync_BadDownloadAfterGoodSync_FailsAndPreviousDatabaseStillAudits(string failure)
    {
        var good = true;
        var body = File.ReadAllBytes(SharedData.OsvPyPIZip);
        using var server = new LoopbackServer(request => good
            ? new LoopbackServerResponse(200, body, new Dictionary<string, string> { ["ETag"] = "\"v1\"" })
            : failure == "truncated"
                ? new LoopbackServerResponse(200, body, new Dictionary<string, string> { ["ETag"] = "\"v2\"" }, TruncateAfter: body.Length / 3)
                : new LoopbackServerResponse(200, body.Select((b, i) => i > 1000 && i < body.Length - 100 ? (byte)(b ^ 0x5A) : b).ToArray(), new Dictionary<string, string> { ["ETag"] = "\"v2\"" }));
        var url = server.Url("PyPI/all.zip").ToString();
        Assert.Equal(0, (await _cli.RunAsync("sync", "--source", url, "--full")).ExitCode);

        good = false;
        var failed = await _cli.RunAsync("sync", "--source", url, "--full");
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("previous advisory database is intact (2661 records", failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed.Stderr, StringComparison.Ordinal); // no stack trace

        var inventory = Audit.AuditCommandTests.WriteInventory(_cli.Home, ("urllib3", "1.26.12"));
        var audit = await _cli.RunAsync("audit", inventory, "--offline", "--format", "json");
        Assert.Equal(1, audit.ExitCode);
        Assert.Contains("PYSEC-2023-192", audit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_NoServer_ClearOfflineMessage()
    {
        string url;
        using (var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "")))
        {
            url = server.Url("PyPI/all.zip").ToString();
        }

        var result = await _cli.RunAsync("sync", "--source", url);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("offline", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_IncrementalWithModifiedIdCsv_FetchesOnlyNewerRecords()
    {
        var dir = Directory.CreateTempSubdirectory("pyfleet-bucket-").FullName;
        try
        {
            var csv = Path.Combine(dir, "modified_id.csv");
            var record = Path.Combine(dir, "PYSEC-2099-1.json");
            File.WriteAllText(record, """{"id":"PYSEC-2099-1","modified":"2099-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"demo-new"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}""");
            File.WriteAllText(csv, "2099-01-01T00:00:00Z,PYSEC-2099-1\n" + File.ReadAllText(SharedData.OsvPyPIModifiedIds));
            using var server = new LoopbackServer(LoopbackServer.Bucket(new Dictionary<string, string>
            {
                ["/PyPI/all.zip"] = SharedData.OsvPyPIZip,
                ["/PyPI/modified_id.csv"] = csv,
                ["/PyPI/PYSEC-2099-1.json"] = record,
            }));
            var url = server.Url("PyPI/all.zip").ToString();
            Assert.Equal(0, (await _cli.RunAsync("sync", "--source", url)).ExitCode);
            var incremental = await _cli.RunAsync("sync", "--source", url);
            Assert.Equal(0, incremental.ExitCode);
            Assert.Contains("1 records updated from modified_id.csv", incremental.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(server.Requests.Skip(1), r => r.Path.EndsWith("all.zip", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
