using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pyfleet.Core.Fleet;
using Pyfleet.Server;
using Pyfleet.Storage.Sqlite.Fleet;

namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>
/// The real fleet server (Kestrel on 127.0.0.1, a free port) on a fresh SQLite store, seeded by pushing the fixture
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
        var store = SqliteFleetStore.Open(Path.Combine(_folder, "fleet.db"));
        _app = FleetServer.Build(new FleetServerOptions { Listen = "127.0.0.1:0" }, store, configure: builder =>
            builder.Services.AddSingleton<TimeProvider>(Clock));
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
