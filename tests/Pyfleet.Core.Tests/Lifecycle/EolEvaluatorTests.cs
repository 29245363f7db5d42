using System.Text.Json;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Http;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Testing.Releases;

namespace Pyfleet.Core.Tests.Lifecycle;

public sealed class EolEvaluatorTests : IDisposable
{
    // Snapshot of the recorded endoflife.date data: 2026-08-22. Always an explicit as-of date.
    private static readonly DateOnly _asOf = new(2026, 8, 22);
    private readonly LoopbackIndexServer _server = new();
    private readonly string _home = Directory.CreateTempSubdirectory("pyfleet-eol-").FullName;

    public EolEvaluatorTests()
    {
        foreach (var product in new[] { "django", "python", "debian", "numpy" })
        {
            _server.AddEolProduct(product, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle", product + ".json")));
        }
    }

    private EolClient Client(bool offline = false) => new(
        new CachedHttpFetcher(new HttpStack(new HttpOptions()), new HttpFetchOptions { CacheDirectory = Path.Combine(_home, "http"), Offline = offline }, ownsStack: true),
        new Uri(_server.EolUrl), Path.Combine(_home, "store"));

    [Fact]
    public async Task Evaluate_Django32_IsEolLtsWithLatestInCycle()
    {
        var django = (await Client().GetProductAsync("django", CancellationToken.None))!;
        var status = new EolEvaluator(_asOf).Evaluate(django, "3.2.12");
        Assert.Equal("3.2", status.Cycle);
        Assert.True(status.IsEol);
        Assert.True(status.IsLts);
        Assert.Equal(new DateOnly(2024, 4, 1), status.EolDate);
        Assert.Equal("3.2.25", status.LatestInCycle);
    }

    [Fact]
    public async Task Evaluate_Python38_EolSinceOctober2024()
    {
        var python = (await Client().GetProductAsync("python", CancellationToken.None))!;
        var status = new EolEvaluator(_asOf).Evaluate(python, "3.8.10");
        Assert.Equal("3.8", status.Cycle);
        Assert.True(status.IsEol);
        Assert.Equal(new DateOnly(2024, 10, 7), status.EolDate);
    }

    [Fact]
    public async Task Evaluate_AsOfBeforeEol_WarnsWithinWindow()
    {
        var python = (await Client().GetProductAsync("python", CancellationToken.None))!;
        var status = new EolEvaluator(new DateOnly(2024, 9, 1), warnDays: 60).Evaluate(python, "3.8.20");
        Assert.False(status.IsEol);
        Assert.True(status.EolSoon);
        Assert.Equal(36, status.DaysLeft);
        Assert.True(status.PastActiveSupport);
    }

    [Fact]
    public async Task EvaluateDistribution_Debian12_SupportedUntilLtsEnd()
    {
        var debian = (await Client().GetProductAsync("debian", CancellationToken.None))!;
        var support = new EolEvaluator(_asOf).EvaluateDistribution(debian, "12")!;
        Assert.Equal("12", support.Cycle);
        Assert.Equal(new DateOnly(2026, 7, 11), support.SecuritySupportEnd);
        Assert.Equal(new DateOnly(2028, 6, 30), support.SupportEnd);
        Assert.False(support.IsEol);
    }

    [Fact]
    public async Task GetProductAsync_UnknownProduct_IsNullAndOfflineWithoutSyncIsNull()
    {
        Assert.Null(await Client().GetProductAsync("flask", CancellationToken.None));
        Assert.Null(await Client(offline: true).GetProductAsync("django", CancellationToken.None));
    }

    [Fact]
    public void ProductMap_FromIdentifiers_MapsPypiPurls()
    {
        var numpy = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle", "numpy.json")));
        var product = new EolProduct
        {
            Name = "numpy",
            Identifiers = numpy.GetProperty("result").GetProperty("identifiers").EnumerateArray()
                .Select(i => new EolIdentifier(i.GetProperty("id").GetString()!, i.GetProperty("type").GetString()!)).ToList(),
        };
        var map = EolProductMap.From([product, new EolProduct { Name = "x", Identifiers = [new EolIdentifier("pkg:pypi/Some_Thing", "purl")] }]);
        Assert.Equal("numpy", map.ProductFor("NumPy"));
        Assert.Equal("x", map.ProductFor("some-thing"));
        Assert.Null(map.ProductFor("flask"));
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_home, true);
    }
}
