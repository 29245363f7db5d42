using Pyfleet.Testing.Releases;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary>A loopback index with the recorded Django and numpy histories and the recorded endoflife.date products.</summary>
public sealed class ReleaseFixture : IDisposable
{
    public ReleaseFixture()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var django = RecordedProject.FromReleaseList("django", Path.Combine(fixtures, "Releases", "django-versions.json"));
        django.Yank("3.2.13", "broken upload");
        Server.Add(django);
        Server.Add(RecordedProject.FromReleaseList("numpy", Path.Combine(fixtures, "Releases", "numpy-versions.json")));
        var nohash = new RecordedProject("nohash") { NoHashes = true };
        nohash.Add("1.0");
        nohash.Add("1.0.1");
        Server.Add(nohash);
        foreach (var product in new[] { "django", "python", "debian", "numpy" })
        {
            Server.AddEolProduct(product, File.ReadAllText(Path.Combine(fixtures, "Lifecycle", product + ".json")));
        }
    }

    public LoopbackIndexServer Server { get; } = new();

    /// <summary>The index/EOL options every test passes, with the fixed as-of date of the recorded snapshot.</summary>
    public string[] Options => ["--index-url", Server.SimpleUrl, "--eol-url", Server.EolUrl, "--as-of", "2026-08-22"];

    public void Dispose() => Server.Dispose();
}
