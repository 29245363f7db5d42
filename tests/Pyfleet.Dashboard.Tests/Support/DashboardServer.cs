using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Server;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>
/// The real fleet server (Kestrel on 127.0.0.1, a free port) on a fresh SQLite store holding OSV's real PyPI export
/// (shared/data) and an endoflife.date copy (Fixtures/Lifecycle: django, python), seeded by pushing the fixture
/// inventories through <c>POST /api/v1/snapshots</c> with an ingest token, with a clock the tests control.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-dashboard-").FullName;
    private WebApplication _app = null!;

    public ManualClock Clock { get; } = new(Fixtures.PushOrder[0].ReceivedAt);

    public Uri BaseAddress { get; private set; } = null!;

    public FleetService Fleet { get; private set; } = null!;

    /// <summary>A read token and an admin token the seed made (tests that revoke make their own).</summary>
    public string ReadToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var store = SqliteStore.Open(Path.Combine(_folder, "fleet.db"));
        var osv = OsvZipLoader.Load(SharedData.OsvPyPIZip);
        await store.Advisories.ReplaceSourceAsync(
            new AdvisorySourceState("osv-pypi", SharedData.OsvPyPIZip, null, null, "shared", Clock.Now, osv.Records.Count), osv.Records);
        var eol = Path.Combine(_folder, "endoflife", "products");
        await ImportLifecycleAsync(eol);
        var options = new FleetServerOptions { Listen = "127.0.0.1:0", EolDirectory = eol };
        _app = FleetServer.Build(options, store.Fleet, configure: builder => builder.Services.AddSingleton<TimeProvider>(Clock), advisories: store.Advisories);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address + "/");
        Fleet = _app.Services.GetRequiredService<FleetService>();
        ReadToken = await TokenAsync(TokenScopes.Read, "reader");
        AdminToken = await TokenAsync(TokenScopes.Admin, "admin");
        var ingest = await TokenAsync(TokenScopes.Ingest, "seed");
        using var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ingest);
        foreach (var (name, receivedAt) in Fixtures.PushOrder)
        {
            Clock.Now = receivedAt;
            using var body = new ByteArrayContent(Fixtures.Bytes(name));
            body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("api/v1/snapshots", body);
            response.EnsureSuccessStatusCode();
        }

        Clock.Now = Fixtures.Now;
    }

    /// <summary>Imports Fixtures/Lifecycle the way <c>pyfleet eol sync --source</c> does.</summary>
    private async Task ImportLifecycleAsync(string storeDirectory)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle");
        using var fetcher = new CachedHttpFetcher(new HttpClient(), new HttpFetchOptions { CacheDirectory = Path.Combine(_folder, "http"), Offline = true });
        await new EolClient(fetcher, new Uri(source), storeDirectory).ImportAsync(source, default);
    }

    public async Task<string> TokenAsync(string scope, string name) =>
        (await Fleet.CreateTokenAsync(scope, null, name, null, default)).Secret;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery.TrimStart('/'));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a connection still closing; the OS cleans the temp folder
        }
    }
}
