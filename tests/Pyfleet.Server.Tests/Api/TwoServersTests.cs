using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Core.Storage;
using Pyfleet.Server.Tests.Support;
using Pyfleet.Storage.Postgres;
using Pyfleet.Testing.Postgres;
using static Pyfleet.Server.Tests.Api.FleetApiTests;
using Env = Pyfleet.Server.Tests.Support.Inventories.Environment;

namespace Pyfleet.Server.Tests.Api;

/// <summary>
/// Two real servers (Kestrel on 127.0.0.1, each its own store and connection pool) on one PostgreSQL database:
/// both ingest and answer, and when the advisories change the re-analysis job runs once across them (one sync event).
/// </summary>
public sealed class TwoServersTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;
    private readonly List<(WebApplication App, PostgresStore Store, HttpClient Client)> _servers = [];

    public async Task InitializeAsync()
    {
        var connection = await database.Database.CreateSchemaAsync();
        for (var i = 0; i < 2; i++)
        {
            var store = await PostgresStore.OpenAsync(DatabaseLocation.Parse(connection, "."));
            var options = new FleetServerOptions { Listen = "127.0.0.1:0", ReanalysisInterval = TimeSpan.FromMilliseconds(100) };
            var app = FleetServer.Build(options, store.Fleet, advisories: store.Advisories);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            _servers.Add((app, store, new HttpClient { BaseAddress = new Uri(address) }));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (app, store, client) in _servers)
        {
            client.Dispose();
            await app.DisposeAsync();
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoServers_IngestOnBoth_ReanalysisRunsOnce()
    {
        var (a, b) = (_servers[0], _servers[1]);
        await AnalysisFixtures.SeedAdvisoriesAsync(a.Store.Advisories, "first", T0);
        var fleet = a.App.Services.GetRequiredService<FleetService>();
        var token = (await fleet.CreateTokenAsync(TokenScopes.Admin, null, "two-servers", null, default)).Secret;
        a.Client.DefaultRequestHeaders.Authorization = b.Client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var pushes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Push(i % 2 == 0 ? a.Client : b.Client,
            Inventories.Labelled($"h{i}", T0, new Env("/srv/app/.venv", ["app"], null, i % 4 == 0 ? "urllib3==1.26.18" : "django==4.2.6")))));
        Assert.All(pushes, p => Assert.Equal(HttpStatusCode.Created, p.StatusCode));
        Assert.Equal(15, (await Json(await b.Client.GetAsync("/api/v1/who?vuln=CVE-2024-0001"))).GetProperty("matches").GetArrayLength());

        await AnalysisFixtures.SeedAdvisoriesAsync(b.Store.Advisories, "second", T0.AddMinutes(1));
        var events = await WaitForAsync(async () => (await a.Store.Fleet.Events.LatestEventsAsync(50, default)).Where(e => e.Cause == FleetEventCauses.Sync).ToList(), e => e.Count > 0);
        await Task.Delay(1000); // several more job rounds on both servers

        var sync = Assert.Single(await a.Store.Fleet.Events.LatestEventsAsync(50, default), e => e.Cause == FleetEventCauses.Sync);
        Assert.Equal(events[0].Key, sync.Key);
        Assert.Equal(5, sync.Items.Count(i => i.Change == FleetEventChanges.New && i.AdvisoryId == "PYSEC-2024-60"));
        Assert.Equal(15, sync.Items.Count(i => i.Change == FleetEventChanges.Withdrawn));
        Assert.Equal(5, (await Json(await a.Client.GetAsync("/api/v1/who?vuln=GHSA-34jh-p97f-mpxf"))).GetProperty("matches").GetArrayLength());
        Assert.Contains("pyfleet_job_runs_total{job=\"reanalysis\",result=\"ok\"}", await a.Client.GetStringAsync("/metrics") + await b.Client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
