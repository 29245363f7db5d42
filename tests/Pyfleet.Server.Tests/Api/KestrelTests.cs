using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Client;
using Pyfleet.Core.Inventory;
using Pyfleet.Server.Tests.Support;
using Pyfleet.Storage.Sqlite.Fleet;

namespace Pyfleet.Server.Tests.Api;

/// <summary>The server on real Kestrel on 127.0.0.1, driven by the CLI's own client, uploader and agent.</summary>
public sealed class KestrelTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-kestrel-").FullName;
    private readonly HttpClient _http = new();
    private WebApplication _app = null!;
    private Uri _server = null!;
    private FleetService _fleet = null!;

    public async Task InitializeAsync()
    {
        _app = FleetServer.Build(new FleetServerOptions { Listen = "127.0.0.1:0", MaxBodyBytes = 1 << 20 }, SqliteFleetStore.Open(Path.Combine(_folder, "fleet.db")));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _server = new Uri(address + "/");
        _fleet = _app.Services.GetRequiredService<FleetService>();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Uploader_EnrollToken_EnrollsOnceAndKeepsHostTokenPrivate()
    {
        var (enroll, _) = await _fleet.CreateTokenAsync(TokenScopes.Enroll, null, "site", null, default);
        var saved = new HostTokenFile(Path.Combine(_folder, "agent", "fleet-host-token.json"));
        var uploader = new FleetUploader(_http, _server, enroll, saved);

        var first = await uploader.PushAsync("web1", Json(Inventories.Make("web1", T0, ("/v", ["django==4.2.7"]))), default);
        var second = await uploader.PushAsync("web1", Json(Inventories.Make("web1", T0.AddHours(1), ("/v", ["django==4.2.8"]))), default);

        Assert.True(first.Created);
        Assert.True(second.Created);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(saved.Path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
        var tokens = await _fleet.Store.ListTokensAsync(default);
        Assert.Single(tokens, t => t.Scope == TokenScopes.Ingest && t.Host == "web1");
        Assert.Equal(["4.2.8"], (await _fleet.WhoAsync("django", default)).Select(m => m.Version));
    }

    [Fact]
    public async Task Agent_ServerDown_SpoolsThenDeliversInOrderWithoutDuplicates()
    {
        var (ingest, _) = await _fleet.CreateTokenAsync(TokenScopes.Ingest, "web1", null, null, default);
        var spool = new AgentSpool(Path.Combine(_folder, "spool"));
        var saved = new HostTokenFile(Path.Combine(_folder, "t.json"));
        var down = new FleetAgent(new FleetUploader(_http, new Uri("http://127.0.0.1:9/"), ingest, saved), spool, Path.Combine(_folder, "ack"), TimeProvider.System);
        var up = new FleetAgent(new FleetUploader(_http, _server, ingest, saved), spool, Path.Combine(_folder, "ack"), TimeProvider.System);

        var offline = await down.RunCycleAsync(Inventories.Make("web1", T0, ("/v", ["six==1.15.0"])), default);
        var offlineAgain = await down.RunCycleAsync(Inventories.Make("web1", T0.AddHours(1), ("/v", ["six==1.16.0"])), default);
        var back = await up.RunCycleAsync(Inventories.Make("web1", T0.AddHours(2), ("/v", ["six==1.16.0"])), default);
        var unchanged = await up.RunCycleAsync(Inventories.Make("web1", T0.AddHours(3), ("/v", ["six==1.16.0"])), default);

        Assert.Equal((0, 1), (offline.Sent, offline.Pending));
        Assert.Equal((0, 2), (offlineAgain.Sent, offlineAgain.Pending));
        Assert.Equal((3, 0), (back.Sent, back.Pending));
        Assert.True(unchanged.Heartbeat);
        var history = await _fleet.Store.ListSnapshotsAsync("web1", 10, default);
        Assert.Equal([T0.AddHours(2), T0.AddHours(1), T0], history.Select(s => s.ScannedAt));
        Assert.Equal(["1.16.0"], (await _fleet.WhoAsync("six", default)).Select(m => m.Version));
    }

    [Fact]
    public async Task Push_ContentLengthOverLimit_Is413Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server, "api/v1/snapshots"))
        {
            Content = new ByteArrayContent(new byte[(1 << 20) + 10]),
        };
        request.Headers.Authorization = new("Bearer", (await _fleet.CreateTokenAsync(TokenScopes.Ingest, "web1", null, null, default)).Secret);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static byte[] Json(InventoryDocument document) => Encoding.UTF8.GetBytes(InventoryJson.Serialize(document));
}
