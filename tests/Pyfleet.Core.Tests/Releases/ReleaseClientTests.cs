using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;
using Pyfleet.Testing.Releases;
using Pyfleet.Testing.Time;

namespace Pyfleet.Core.Tests.Releases;

public sealed class ReleaseClientTests : IDisposable
{
    private readonly LoopbackIndexServer _server = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("pyfleet-rel-").FullName;
    private readonly FakeClock _clock = new();

    public ReleaseClientTests()
    {
        var django = RecordedProject.FromReleaseList("django", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Releases", "django-versions.json"));
        django.Yank("3.2.13", "broken upload");
        _server.Add(django);
    }

    private (ReleaseClient Client, CachedHttpFetcher Fetcher) Create(bool offline = false, bool jsonApi = false, string? indexUrl = null)
    {
        var fetcher = new CachedHttpFetcher(new HttpStack(new HttpOptions(), _clock), new HttpFetchOptions { CacheDirectory = _cache, Offline = offline }, ownsStack: true);
        var indexes = new IndexConfiguration(PackageIndex.Create(indexUrl ?? _server.SimpleUrl), []);
        return (new ReleaseClient(fetcher, indexes) { UseJsonApi = jsonApi }, fetcher);
    }

    [Fact]
    public async Task GetAsync_Pep691Json_ReadsYankedAndRequiresPython()
    {
        var (client, _) = Create();
        var project = await client.GetAsync("Django", CancellationToken.None);
        var releases = project.Releases().ToDictionary(r => r.Version);
        Assert.Equal(389, releases.Count);
        Assert.True(releases["3.2.13"].Yanked);
        Assert.Equal("broken upload", releases["3.2.13"].YankedReason);
        Assert.Equal([">=3.10"], releases["5.2.17"].RequiresPython);
        Assert.Equal(new DateTimeOffset(2026, 8, 4, 0, 0, 0, TimeSpan.Zero), releases["5.2.17"].UploadTime);
    }

    [Fact]
    public async Task GetAsync_HtmlOnlyMirror_GivesSameReleasesAsJson()
    {
        var (jsonClient, _) = Create();
        var json = (await jsonClient.GetAsync("django", CancellationToken.None)).Releases();
        _server.HtmlOnly = true;
        Directory.Delete(_cache, true);
        var (htmlClient, _) = Create();
        var html = (await htmlClient.GetAsync("django", CancellationToken.None)).Releases();
        Assert.Equal(json.Select(r => (r.Version, r.Yanked, r.YankedReason, r.RequiresPython.Single())).OrderBy(x => x.Version),
            html.Select(r => (r.Version, r.Yanked, r.YankedReason, r.RequiresPython.Single())).OrderBy(x => x.Version));
        Assert.Equal(json.Single(r => r.Version == "4.2").PinHashes(), html.Single(r => r.Version == "4.2").PinHashes());
    }

    [Fact]
    public async Task GetAsync_PyPiJsonApi_GivesSameReleasesAsSimpleApi()
    {
        var (simple, _) = Create();
        var (jsonApi, _) = Create(jsonApi: true);
        var a = (await simple.GetAsync("django", CancellationToken.None)).Releases().Select(r => (r.Version, r.Yanked)).OrderBy(x => x.Version);
        var b = (await jsonApi.GetAsync("django", CancellationToken.None)).Releases().Select(r => (r.Version, r.Yanked)).OrderBy(x => x.Version);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task GetAsync_UnknownProject_IsNotFound()
    {
        var (client, _) = Create();
        var project = await client.GetAsync("no-such-project", CancellationToken.None);
        Assert.False(project.Found);
    }

    [Fact]
    public async Task GetAsync_WithinMaxAge_ServedFromCacheWithoutRequest()
    {
        var (first, _) = Create();
        await first.GetAsync("django", CancellationToken.None);
        var (second, fetcher) = Create();
        await second.GetAsync("django", CancellationToken.None);
        Assert.Equal(0, fetcher.NetworkRequests);
        Assert.Equal(1, _server.Hits("/simple/django/"));
    }

    [Fact]
    public async Task GetAsync_AfterMaxAge_RevalidatesWith304()
    {
        var (first, _) = Create();
        await first.GetAsync("django", CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var (_, fetcher) = Create();
        var result = await fetcher.GetAsync(new Uri(_server.SimpleUrl + "django/"), ReleaseClient.SimpleAccept, null, CancellationToken.None);
        Assert.Equal(FetchSource.Revalidated, result.Source);
        Assert.Equal(2, _server.Hits("/simple/django/"));
        Assert.NotEmpty(result.Body);
    }

    [Fact]
    public async Task GetAsync_Offline_UsesStaleCacheAndRefusesMisses()
    {
        var (first, _) = Create();
        await first.GetAsync("django", CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(30));
        var (offline, fetcher) = Create(offline: true);
        var project = await offline.GetAsync("django", CancellationToken.None);
        Assert.True(project.Found);
        Assert.Equal(0, fetcher.NetworkRequests);
        var error = await Assert.ThrowsAsync<PyfleetException>(() => offline.GetAsync("numpy", CancellationToken.None));
        Assert.Contains("offline", error.Message);
    }

    [Fact]
    public async Task GetAsync_429ThenOk_RetriesAfterRetryAfter()
    {
        _server.Fail("/simple/django/", 429, retryAfter: 0);
        _server.Fail("/simple/django/", 500);
        var (client, fetcher) = Create();
        var project = await client.GetAsync("django", CancellationToken.None);
        Assert.True(project.Found);
        Assert.Equal(1, fetcher.NetworkRequests); // one request; the stack retried it twice
        Assert.Equal(3, _server.Hits("/simple/django/"));
        Assert.Contains(_clock.Waits, w => w > TimeSpan.Zero); // the 500's backoff, on the fake clock
    }

    [Fact]
    public async Task GetAsync_PersistentServerError_ThrowsNamingRedactedUrl()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Fail("/simple/django/", 500);
        }

        var (client, _) = Create(indexUrl: _server.SimpleUrl.Replace("http://", "http://alice:s3cret@"));
        var error = await Assert.ThrowsAsync<PyfleetException>(() => client.GetAsync("django", CancellationToken.None));
        Assert.Contains("HTTP 500", error.Message);
        Assert.DoesNotContain("s3cret", error.Describe());
        Assert.Equal("Basic " + Convert.ToBase64String("alice:s3cret"u8.ToArray()), _server.LastAuthorization);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_cache, true);
    }
}
