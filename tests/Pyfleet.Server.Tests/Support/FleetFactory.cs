using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Storage;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Server.Tests.Support;

/// <summary>
/// The server in memory (<see cref="WebApplicationFactory{TEntryPoint}"/>) on a fresh SQLite file in a temp folder,
/// with a clock the test moves and a small rate limit and body limit so the limits can be hit.
/// </summary>
public sealed class FleetFactory : WebApplicationFactory<TestProgram>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-api-").FullName;

    static FleetFactory() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PYFLEET_SERVER_TESTS", AppContext.BaseDirectory);

    public FleetFactory()
    {
        Whole = SqliteStore.Open(Path.Combine(_folder, "fleet.db"));
        EolDirectory = Path.Combine(_folder, "endoflife", "products");
        Options = new() { MaxBodyBytes = 1 << 20, RequestsPerMinute = 1000, EolDirectory = EolDirectory, RunJobs = false };
    }

    /// <summary>The whole store: its advisory tables are what the server's analysis reads.</summary>
    public IPyfleetStore Whole { get; }

    public IFleetStore Store => Whole.Fleet;

    /// <summary>Where the server looks for its endoflife.date copy (empty until a test imports one).</summary>
    public string EolDirectory { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    public FleetServerOptions Options { get; init; }

    public FleetService Fleet => Services.GetRequiredService<FleetService>();

    /// <summary>A client sending <paramref name="token"/> as its bearer token.</summary>
    public HttpClient Client(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<string> TokenAsync(string scope, string? host = null) =>
        (await Fleet.CreateTokenAsync(scope, host, "test", null, default)).Secret;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IFleetStore>();
            services.AddSingleton(Store);
            services.RemoveAll<IAdvisoryStore>();
            services.AddSingleton(Whole.Advisories);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<FleetServerOptions>();
            services.AddSingleton(Options);
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection still closing; the temp folder is cleaned by the OS.
        }
    }
}
