using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Testing.Data;
using Pyfleet.Testing.Http;
using Pyfleet.Testing.Time;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>The shared HTTP helpers against a real loopback server speaking like the OSV bucket.</summary>
public sealed class ConditionalDownloaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pyfleet-http-").FullName;
    private readonly FakeClock _clock = new();
    private readonly HttpStack _http;
    private readonly HttpStack _noRetry;

    public ConditionalDownloaderTests()
    {
        _http = new HttpStack(new HttpOptions { Retries = 2 }, _clock);
        _noRetry = new HttpStack(new HttpOptions { Retries = 0, TimeoutSeconds = 1 }, _clock);
    }

    private string Destination => Path.Combine(_directory, "all.zip");

    public void Dispose()
    {
        _http.Dispose();
        _noRetry.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Download_SecondRequestWithETag_Gets304()
    {
        using var server = new LoopbackServer(LoopbackServer.Bucket(new Dictionary<string, string> { ["/PyPI/all.zip"] = SharedData.OsvPyPIZip }));
        var downloader = new ConditionalDownloader(_http);

        var first = await downloader.DownloadAsync(server.Url("PyPI/all.zip"), Destination, null);
        Assert.False(first.NotModified);
        Assert.Equal(new FileInfo(SharedData.OsvPyPIZip).Length, new FileInfo(first.TempPath!).Length);
        Assert.NotNull(first.Validators.ETag);

        var second = await downloader.DownloadAsync(server.Url("PyPI/all.zip"), Destination, first.Validators);
        Assert.True(second.NotModified);
        Assert.Equal(first.Validators.ETag, server.Requests.Last().Header("If-None-Match"));
    }

    [Fact]
    public async Task Download_429WithRetryAfterThenOk_Retries()
    {
        var calls = 0;
        using var server = new LoopbackServer(_ => Interlocked.Increment(ref calls) == 1
            ? LoopbackServerResponse.Text(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : LoopbackServerResponse.Text(200, "payload"));
        var result = await new ConditionalDownloader(_http).DownloadAsync(server.Url("x"), Destination, null);
        Assert.Equal("payload", File.ReadAllText(result.TempPath!));
        Assert.Equal(2, calls);
        Assert.Equal(TimeSpan.Zero, _clock.Waited);
    }

    [Fact]
    public async Task Download_Persistent500_FailsAfterRetriesWithStatus()
    {
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(500, "boom"));
        var ex = await Assert.ThrowsAsync<PyfleetException>(() => new ConditionalDownloader(_http).DownloadAsync(server.Url("x"), Destination, null));
        Assert.Contains("HTTP 500", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count); // first attempt + 2 retries
        Assert.Equal(2, _clock.Waits.Count); // two backoffs, waited on the fake clock
    }

    [Fact]
    public async Task Download_BodyStallsLongerThanTheTimeout_FailsSayingStalled()
    {
        var body = new byte[4096];
        using var server = new LoopbackServer(_ => new LoopbackServerResponse(200, body, TruncateAfter: 1000, StallFor: TimeSpan.FromSeconds(30)));
        var ex = await Assert.ThrowsAsync<PyfleetException>(() => new ConditionalDownloader(_noRetry).DownloadAsync(server.Url("PyPI/all.zip"), Destination, null));
        Assert.Contains("stalled", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 1000 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Download_TruncatedBody_ErrorAndNoTempFileLeft()
    {
        var body = File.ReadAllBytes(SharedData.OsvPyPIZip);
        using var server = new LoopbackServer(_ => new LoopbackServerResponse(200, body, TruncateAfter: body.Length / 2));
        var ex = await Assert.ThrowsAsync<PyfleetException>(() => new ConditionalDownloader(_noRetry).DownloadAsync(server.Url("PyPI/all.zip"), Destination, null));
        Assert.Matches("truncated|interrupted", ex.Message);
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Download_NothingListening_SaysOffline()
    {
        Uri url;
        using (var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "")))
        {
            url = server.Url("PyPI/all.zip");
        }

        var ex = await Assert.ThrowsAsync<PyfleetException>(() => new ConditionalDownloader(_noRetry).DownloadAsync(url, Destination, null));
        Assert.Contains("offline", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:s3cret@mirror.example/PyPI/all.zip", "https://user:****@mirror.example/PyPI/all.zip")]
    [InlineData("https://s3cret@mirror.example/PyPI/all.zip", "https://****@mirror.example/PyPI/all.zip")]
    [InlineData("https://mirror.example/all.zip?token=abc&x=1", "https://mirror.example/all.zip?token=****&x=1")]
    [InlineData("https://mirror.example/all.zip?x=1&X-Amz-Signature=abc", "https://mirror.example/all.zip?x=1&X-Amz-Signature=****")]
    [InlineData("pkg @ https://ci:s3cret@git.example/pkg.tar.gz ; python_version>'3'", "pkg @ https://ci:****@git.example/pkg.tar.gz ; python_version>'3'")]
    [InlineData("file:///srv/mirror/all.zip", "file:///srv/mirror/all.zip")]
    [InlineData("https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip", "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip")]
    public void Redact_Credentials_NeverShown(string url, string expected) => Assert.Equal(expected, UrlRedactor.Redact(url));

    [Fact]
    public void WithoutCredentials_DropsTheUserInfoOnly() =>
        Assert.Equal("https://mirror.example/simple/", UrlRedactor.WithoutCredentials("https://u:p@mirror.example/simple/"));
}
