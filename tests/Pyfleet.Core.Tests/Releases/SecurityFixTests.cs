using Pyfleet.Core.Configuration;
using Pyfleet.Core.Http;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Releases.Fixing;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Releases.Indexes;
using Pyfleet.Testing.Releases;

namespace Pyfleet.Core.Tests.Releases;

/// <summary>The security path end to end through the seam, with real Django OSV records and the real release history.</summary>
public sealed class SecurityFixTests : IDisposable
{
    private readonly LoopbackIndexServer _server = new();
    private readonly string _home = Directory.CreateTempSubdirectory("pyfleet-sec-").FullName;
    private readonly OsvRangeSecurityFixSource _advisories = new(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Releases", "osv-django"));

    public SecurityFixTests()
    {
        _server.Add(RecordedProject.FromReleaseList("django", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Releases", "django-versions.json")));
        _server.AddEolProduct("django", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle", "django.json")));
        _server.AddEolProduct("python", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lifecycle", "python.json")));
    }

    private (ReleaseClient Client, CachedHttpFetcher Fetcher) Client()
    {
        var fetcher = new CachedHttpFetcher(new HttpStack(new HttpOptions()), new HttpFetchOptions { CacheDirectory = Path.Combine(_home, "http") }, ownsStack: true);
        return (new ReleaseClient(fetcher, new IndexConfiguration(PackageIndex.Create(_server.SimpleUrl), [])), fetcher);
    }

    [Fact]
    public async Task Outdated_Django3212OnPython38_SecurityKindWithMinimalFix()
    {
        var (client, fetcher) = Client();
        var eol = new EolClient(fetcher, new Uri(_server.EolUrl), Path.Combine(_home, "eol"));
        var service = new OutdatedService(client, new UpgradeAnalyzer(_advisories), eol, new EolEvaluator(new DateOnly(2026, 8, 22)));
        var inventory = new InventoryDocument
        {
            Host = new HostInfo { Name = "h" },
            ScannedAt = DateTimeOffset.UnixEpoch,
            Environments = [new PythonEnvironment { Path = "/srv/app/venv", Kind = EnvironmentKinds.Venv, Python = new PythonRuntime("3.8.10"), Packages = [new InventoryPackage { Name = "django", Version = "3.2.12" }] }],
        };
        var result = await service.AnalyzeAsync(inventory, CancellationToken.None);
        var django = result.Environments[0].Packages[0];
        Assert.Equal(UpgradeKind.Security, django.Report.Kind);
        Assert.Equal("3.2.25", django.Report.SecurityFix); // PYSEC-2024-47 is fixed only in 3.2.25 on the 3.2 line
        Assert.Contains(django.Report.Advisories, a => a.Id == "PYSEC-2022-190");
        Assert.DoesNotContain(django.Report.Advisories, a => a.Id == "PYSEC-2022-19"); // fixed in 3.2.12 itself
        Assert.Equal("3.2", django.Eol!.Cycle);
        Assert.Equal("3.8", result.Environments[0].PythonEol!.Cycle);
        Assert.True(result.Environments[0].PythonEol!.IsEol);
    }

    [Fact]
    public async Task Analyze_MinimalFixIsSmallestVersionClearingAllAdvisories()
    {
        var (client, _) = Client();
        var project = await client.GetAsync("django", CancellationToken.None);
        var report = new UpgradeAnalyzer(_advisories).Analyze(project, "4.2.9", "3.11", DateTimeOffset.UnixEpoch);
        Assert.Equal(UpgradeKind.Security, report.Kind);
        // 11 advisories affect 4.2.9; the last of them on the 4.2 line (PYSEC-2024-102) is fixed in 4.2.16, so 4.2.10–4.2.15
        // each fix some but not all (cross-checked with an independent Python evaluation of the same records).
        Assert.Equal(11, report.Advisories.Count);
        Assert.Equal("4.2.16", report.SecurityFix);
    }

    [Fact]
    public async Task FixPlanner_SecurityOnly_PinsMinimalFixAndLeavesCleanPins()
    {
        var (client, _) = Client();
        var path = Path.Combine(_home, "req.txt");
        File.WriteAllText(path, "Django==4.2.9\n");
        var file = RequirementsPinReader.Read(path, "Django==4.2.9\n").File;
        var project = await client.GetAsync("django", CancellationToken.None);
        var analysis = new Dictionary<string, (UpgradeReport, ProjectReleases)>
        {
            ["django"] = (new UpgradeAnalyzer(_advisories).Analyze(project, "4.2.9", "3.11", DateTimeOffset.UnixEpoch), project),
        };
        var edits = FixPlanner.Plan(file, analysis, FixMode.SecurityOnly);
        Assert.Equal("Django==4.2.16\n", PinRewriter.Apply(file, edits));

        var clean = new Dictionary<string, (UpgradeReport, ProjectReleases)>
        {
            ["django"] = (new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(project, "4.2.9", "3.11", DateTimeOffset.UnixEpoch), project),
        };
        Assert.Empty(FixPlanner.Plan(file, clean, FixMode.SecurityOnly));
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_home, true);
    }
}
