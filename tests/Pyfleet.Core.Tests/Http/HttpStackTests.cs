using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Testing.Http;
using Pyfleet.Testing.Time;

namespace Pyfleet.Core.Tests.Http;

/// <summary>The one HTTP stack against real loopback servers: retries, waits on the injected clock, time-out, proxy, CA bundle.</summary>
public sealed class HttpStackTests : IDisposable
{
    private readonly FakeClock _clock = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("pyfleet-stack-").FullName;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private HttpStack Stack(HttpOptions? options = null) => new(options ?? new HttpOptions(), _clock, name => _environment.GetValueOrDefault(name));

    [Fact]
    public async Task Get_503WithRetryAfter30_WaitsThirtySecondsOnTheInjectedClockThenSucceeds()
    {
        var calls = 0;
        using var server = new LoopbackServer(_ => Interlocked.Increment(ref calls) == 1
            ? LoopbackServerResponse.Text(503, "busy", new Dictionary<string, string> { ["Retry-After"] = "30" })
            : LoopbackServerResponse.Text(200, "ok"));
        using var http = Stack();

        using var response = await http.Client.GetAsync(server.Url("x"));

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal([TimeSpan.FromSeconds(30)], _clock.Waits);
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanTheCeiling_WaitsOnlyTheCeiling()
    {
        var calls = 0;
        using var server = new LoopbackServer(_ => Interlocked.Increment(ref calls) == 1
            ? LoopbackServerResponse.Text(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "86400" })
            : LoopbackServerResponse.Text(200, "ok"));
        using var http = Stack(new HttpOptions { MaxRetryAfterSeconds = 5 });

        using var response = await http.Client.GetAsync(server.Url("x"));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal([TimeSpan.FromSeconds(5)], _clock.Waits);
    }

    [Fact]
    public async Task Get_Persistent500_ReturnsTheLastResponseAfterEveryRetryWithExponentialBackoff()
    {
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(500, "boom"));
        using var http = Stack(new HttpOptions { Retries = 3, RetryDelayMs = 1000 });

        using var response = await http.Client.GetAsync(server.Url("x"));

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(3, _clock.Waits.Count);
        Assert.True(_clock.Waited > TimeSpan.FromSeconds(2), $"backoff {_clock.Waited} should grow from the 1 s first delay");
    }

    [Fact]
    public async Task Get_NothingListening_UpstreamErrorSaysOfflineWithTheAttempts()
    {
        Uri url;
        using (var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "")))
        {
            url = server.Url("simple/");
        }

        using var http = Stack(new HttpOptions { Retries = 2 });
        var error = await Assert.ThrowsAsync<HttpUpstreamException>(() => http.Client.GetAsync(url));

        Assert.False(error.TimedOut);
        Assert.Contains("cannot reach the server (offline?)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(3 attempts)", error.Message, StringComparison.Ordinal);
        Assert.Equal(url.AbsoluteUri, error.Path);
    }

    [Fact]
    public async Task Get_ServerSilentLongerThanTimeoutSeconds_TimesOutPerAttemptAndRetries()
    {
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "late") with { StallFor = TimeSpan.FromSeconds(30) });
        using var http = Stack(new HttpOptions { Retries = 1, TimeoutSeconds = 1 });

        var error = await Assert.ThrowsAsync<HttpUpstreamException>(() => http.Client.GetAsync(server.Url("x")));

        Assert.True(error.TimedOut);
        Assert.Contains("no answer within 1 s (http.timeout-seconds) (2 attempts)", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Get_AnyRequest_SendsTheConfiguredUserAgent()
    {
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "ok"));
        using var http = Stack(new HttpOptions { UserAgent = "pyfleet-test/1.0 (+ops@example.com)" });

        using var _ = await http.Client.GetAsync(server.Url("x"));

        Assert.Equal("pyfleet-test/1.0 (+ops@example.com)", server.Requests.Single().Header("User-Agent"));
    }

    [Fact]
    public async Task Get_HttpProxyVariable_RequestGoesToTheProxyWithItsCredentials()
    {
        // A real proxy asks for credentials first (407); the client then sends them.
        using var proxy = new LoopbackServer(request => request.Header("Proxy-Authorization") is null
            ? LoopbackServerResponse.Text(407, "auth", new Dictionary<string, string> { ["Proxy-Authenticate"] = "Basic realm=\"proxy\"" })
            : LoopbackServerResponse.Text(200, "via proxy"));
        _environment["http_proxy"] = proxy.BaseUri.AbsoluteUri.Replace("http://", "http://ops:s3cret@", StringComparison.Ordinal);
        using var http = Stack(new HttpOptions { Retries = 0 });

        using var response = await http.Client.GetAsync("http://index.invalid/simple/django/");

        Assert.Equal("via proxy", await response.Content.ReadAsStringAsync());
        var seen = proxy.Requests.Last();
        Assert.Equal("http://index.invalid/simple/django/", seen.Path); // absolute-form: a proxy request
        Assert.Equal("Basic " + Convert.ToBase64String("ops:s3cret"u8.ToArray()), seen.Header("Proxy-Authorization"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.0/8")]
    [InlineData("*")]
    [InlineData("example.org, 127.0.0.1")]
    public async Task Get_HostInNoProxy_ConnectsDirectly(string noProxy)
    {
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "direct"));
        _environment["HTTP_PROXY"] = "http://127.0.0.1:9"; // nothing listens there
        _environment["NO_PROXY"] = noProxy;
        using var http = Stack(new HttpOptions { Retries = 0 });

        using var response = await http.Client.GetAsync(server.Url("x"));

        Assert.Equal("direct", await response.Content.ReadAsStringAsync());
        Assert.Equal("/x", server.Requests.Single().Path);
    }

    [Fact]
    public async Task Get_ConfiguredProxy_WinsOverTheVariables()
    {
        using var proxy = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "configured proxy"));
        _environment["http_proxy"] = "http://127.0.0.1:9";
        using var http = Stack(new HttpOptions { Retries = 0, Proxy = proxy.BaseUri.AbsoluteUri });

        using var response = await http.Client.GetAsync("http://index.invalid/simple/");

        Assert.Equal("configured proxy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Create_ProxyThatIsNotAUrl_ErrorNamesTheVariable()
    {
        _environment["https_proxy"] = "ftp://proxy.example:21";

        var error = Assert.Throws<PyfleetException>(() => Stack());

        Assert.Contains("https_proxy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ServerCertificateFromAnUnknownAuthority_RefusedOnceNotRetried()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "secret"), certificate);
        using var http = Stack(new HttpOptions { Retries = 3 });

        var error = await Assert.ThrowsAsync<HttpUpstreamException>(() => http.Client.GetAsync(server.Url("x")));

        Assert.DoesNotContain("attempts", error.Message, StringComparison.Ordinal);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Get_CaBundleWithTheServersAuthority_Trusted()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        using var server = new LoopbackServer(_ => LoopbackServerResponse.Text(200, "over tls"), certificate);
        using var http = Stack(new HttpOptions { CaBundle = TestCertificates.WritePem(certificate, _directory) });

        using var response = await http.Client.GetAsync(server.Url("x"));

        Assert.Equal("over tls", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Create_CaBundleMissing_ErrorNamesTheSettingAndFile()
    {
        var missing = Path.Combine(_directory, "missing.pem");

        var error = Assert.Throws<PyfleetException>(() => Stack(new HttpOptions { CaBundle = missing }));

        Assert.Contains("http.ca-bundle", error.Message, StringComparison.Ordinal);
        Assert.Equal(missing, error.Path);
    }
}
