using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Testing.Releases;

namespace Pyfleet.Core.Tests.Releases;

public sealed class UpgradeAnalyzerTests
{
    private static readonly DateTimeOffset _asOf = new(2026, 8, 22, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Test double of the advisory seam: versions below the fixed version in the same series are affected.</summary>
    private sealed class FakeAdvisories(params (string Id, string Introduced, string Fixed)[] ranges) : ISecurityFixSource
    {
        public IReadOnlyList<AffectingAdvisory> For(string ecosystem, string name, string version)
        {
            var v = Pyfleet.Packaging.Versions.Pep440Version.Parse(version);
            return ranges.Where(r => v >= Pyfleet.Packaging.Versions.Pep440Version.Parse(r.Introduced) && v < Pyfleet.Packaging.Versions.Pep440Version.Parse(r.Fixed))
                .Select(r => new AffectingAdvisory(r.Id)).ToList();
        }
    }

    private static ProjectReleases Django()
    {
        var server = RecordedProject.FromReleaseList("django", Path.Combine(AppContext.BaseDirectory, "Fixtures", "Releases", "django-versions.json"));
        server.Yank("3.2.13", "broken upload");
        return new ProjectReleases("django", server.Files.Select(f => new ReleaseFile(f.Filename, "http://x/" + f.Filename, f.Version,
            new Dictionary<string, string> { ["sha256"] = f.Sha256 }, f.RequiresPython, f.Yanked is not null, f.Yanked, f.Uploaded)).ToList(), [], ProjectStatus.Active);
    }

    [Fact]
    public void Analyze_Django32OnPython38_LatestIsCappedByRequiresPython()
    {
        var report = new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(Django(), "3.2.12", "3.8.10", _asOf);
        Assert.Equal("4.2.30", report.Latest);
        Assert.Equal("3.2.25", report.LatestInMinor);
        Assert.Equal("3.2.25", report.LatestInMajor);
        Assert.Equal(UpgradeKind.Major, report.Kind);
        Assert.Equal("3.2.25", report.Recommended);
        Assert.NotNull(report.BlockedByPython);
        Assert.Equal("6.1", report.BlockedByPython!.Version);
        Assert.Equal(">=3.12", report.BlockedByPython.RequiresPython);
    }

    [Fact]
    public void Analyze_NoPythonGiven_LatestIsNewest()
    {
        var report = new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(Django(), "5.2.16", null, _asOf);
        Assert.Equal("6.1", report.Latest);
        Assert.Equal("5.2.17", report.LatestInMinor);
        Assert.Null(report.BlockedByPython);
        Assert.Equal(UpgradeKind.Major, report.Kind);
    }

    [Fact]
    public void Analyze_AdvisoryFixedInSeries_MinimalFixSkipsYankedRelease()
    {
        var advisories = new FakeAdvisories(("GHSA-aaaa", "3.2", "3.2.13"), ("GHSA-bbbb", "3.2", "3.2.14"));
        var report = new UpgradeAnalyzer(advisories).Analyze(Django(), "3.2.12", "3.8.10", _asOf);
        Assert.Equal(UpgradeKind.Security, report.Kind);
        Assert.Equal("3.2.14", report.SecurityFix);
        Assert.Equal("3.2.14", report.Recommended);
        Assert.Equal(["GHSA-aaaa", "GHSA-bbbb"], report.Advisories.Select(a => a.Id));
    }

    [Fact]
    public void Analyze_InstalledYanked_ReportsReason()
    {
        var report = new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(Django(), "3.2.13", "3.8", _asOf);
        Assert.True(report.Yanked);
        Assert.Equal("broken upload", report.YankedReason);
    }

    [Fact]
    public void Analyze_LatestPatchOnly_IsPatchKind()
    {
        var report = new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(Django(), "4.2.29", "3.8", _asOf);
        Assert.Equal(UpgradeKind.Patch, report.Kind);
        Assert.Equal("4.2.30", report.Recommended);
    }

    [Fact]
    public void Analyze_OnLatest_IsNone()
    {
        var report = new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(Django(), "6.1", "3.13", _asOf);
        Assert.Equal(UpgradeKind.None, report.Kind);
        Assert.Null(report.Recommended);
    }

    [Fact]
    public void Analyze_NotPep440_IsUnknownWithNote()
    {
        var report = new UpgradeAnalyzer(NoSecurityFixSource.Instance).Analyze(Django(), "not.a.version!", "3.8", _asOf);
        Assert.Equal(UpgradeKind.Unknown, report.Kind);
        Assert.Contains("PEP 440", report.Note);
    }

    [Fact]
    public void Analyze_PrereleasesOnlyWhenInstalledIsOne()
    {
        var project = new ProjectReleases("demo", new[] { "1.0", "1.1", "2.0b1" }.Select(v => new ReleaseFile($"demo-{v}-py3-none-any.whl", "http://x", v,
            new Dictionary<string, string>(), null, false, null, null)).ToList(), [], ProjectStatus.Active);
        var analyzer = new UpgradeAnalyzer(NoSecurityFixSource.Instance);
        Assert.Equal("1.1", analyzer.Analyze(project, "1.0", null, _asOf).Latest);
        Assert.Equal("2.0b1", analyzer.Analyze(project, "2.0a1", null, _asOf).Latest);
    }
}
