using System.Diagnostics;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Tests.Advisories;

namespace Pyfleet.Core.Tests.Auditing;

/// <summary>
/// A real dpkg-installed module (apt package python3-urllib3, source python-urllib3) judged by Debian:12
/// advisories written here in OSV format, while a pip copy of the same upstream version is judged by PyPI.
/// </summary>
public sealed class DebianAuditTests
{
    private static (string Version, string Source, string SourceVersion) Installed(string package)
    {
        var info = new ProcessStartInfo("dpkg-query", ["-W", "-f=${Version}\t${source:Package}\t${source:Version}", package]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{package} is not installed: apt-get install -y {package}");
        var parts = output.Split('\t');
        return (parts[0], parts[1], parts[2]);
    }

    private static string Debian(string id, string source, string fixedVersion, string urgency = "medium") => $$$"""
        {"id":"{{{id}}}","modified":"2025-01-01T00:00:00Z","upstream":["CVE-2023-43804"],"summary":"{{{id}}}",
         "affected":[{"package":{"ecosystem":"Debian:12","name":"{{{source}}}"},
           "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"{{{fixedVersion}}}"}]}],"ecosystem_specific":{"urgency":"{{{urgency}}}"}}]}
        """;

    [Theory]
    [InlineData("unimportant", false)]
    [InlineData("unimportant**", false)]
    [InlineData("low**", true)]
    [InlineData("not yet assigned", true)]
    public void Audit_DebianUrgency_UnimportantEntriesAreNotReported(string urgency, bool reported)
    {
        var (version, source, sourceVersion) = Installed("python3-urllib3");
        var index = AdvisoryIndex.Build([
            OsvTestRecords.Parse(Debian("DEBIAN-CVE-2099-0002", source, sourceVersion + "+fix1", urgency)),
            OsvTestRecords.Parse(Debian("DEBIAN-CVE-2099-0003", "python-other", "1.0-1")), // Debian:12 is in the database
        ]);
        var inventory = AuditorTests.Inventory(new InventoryPackage
        {
            Name = "urllib3",
            Version = version.Split('-')[0],
            OsPackage = new OsPackageInfo("dpkg", "python3-urllib3", version, source, sourceVersion),
        });
        var report = new Auditor(index, new AuditOptions { AsOf = DateTimeOffset.UtcNow }).Audit(inventory);
        Assert.Empty(report.Warnings);
        Assert.Equal(reported, report.Environments[0].Packages.Any(p => p.Source == "Debian:12" && p.Vulnerabilities.Any(v => v.Id == "DEBIAN-CVE-2099-0002")));
    }

    [Fact]
    public void Audit_DpkgOwnedUrllib3_JudgedByDebianSourcePackageNotPyPI()
    {
        var (version, source, sourceVersion) = Installed("python3-urllib3");
        Assert.Equal("python-urllib3", source);
        var upstream = version.Split('-')[0]; // 1.26.12 on bookworm: what METADATA says

        var index = AdvisoryIndex.Build([
            // Fixed by a later Debian revision than the installed one: affected.
            OsvTestRecords.Parse(Debian("DEBIAN-CVE-2099-0001", source, sourceVersion + "+fix1")),
            // Fixed at exactly the installed revision (a backport): not affected, though PyPI says 1.26.12 is.
            OsvTestRecords.Parse(Debian("DSA-9999-1", source, sourceVersion)),
            OsvTestRecords.PyPI("PYSEC-2023-192", "urllib3", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"1.26.17"}]}]"""),
        ]);
        var inventory = AuditorTests.Inventory(
            new InventoryPackage
            {
                Name = "urllib3",
                Version = upstream,
                Location = "/usr/lib/python3/dist-packages/urllib3-1.26.12.egg-info",
                OsPackage = new OsPackageInfo("dpkg", "python3-urllib3", version, source, sourceVersion)
            },
            new InventoryPackage { Name = "urllib3", Version = upstream, Location = "/usr/local/lib/python3.11/dist-packages/urllib3-1.26.12.dist-info" });
        var packages = new Auditor(index, new AuditOptions { AsOf = DateTimeOffset.UtcNow }).Audit(inventory).Environments[0].Packages;

        var dpkg = Assert.Single(packages, p => p.OsPackage is not null);
        Assert.Equal("Debian:12", dpkg.Source);
        Assert.Equal("DEBIAN-CVE-2099-0001", Assert.Single(dpkg.Vulnerabilities).Id);
        Assert.Equal("Debian:12", dpkg.Vulnerabilities[0].Source);
        Assert.Equal(sourceVersion + "+fix1", dpkg.MinimalFix);

        var pip = Assert.Single(packages, p => p.OsPackage is null);
        Assert.Equal("PyPI", pip.Source);
        Assert.Equal("PYSEC-2023-192", Assert.Single(pip.Vulnerabilities).Id);
    }

    [Fact]
    public void Audit_NoDebianAdvisoriesForRelease_FallsBackToPyPIWithWarning()
    {
        var (version, source, sourceVersion) = Installed("python3-urllib3");
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-2023-192", "urllib3", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"99"}]}]""")]);
        var inventory = AuditorTests.Inventory(new InventoryPackage { Name = "urllib3", Version = version.Split('-')[0], OsPackage = new OsPackageInfo("dpkg", "python3-urllib3", version, source, sourceVersion) });
        var report = new Auditor(index, new AuditOptions { AsOf = DateTimeOffset.UtcNow }).Audit(inventory);
        Assert.Equal("PyPI", Assert.Single(report.Environments[0].Packages).Source);
        Assert.Contains(report.Warnings, w => w.Contains("no Debian:12 advisories", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_NoDebianAdvisoriesAndNoDpkgModule_NoWarning()
    {
        // Regression: auditing a requirements file on a Debian host warned about Debian advisories it never needed.
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-2023-192", "urllib3", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"99"}]}]""")]);
        var inventory = AuditorTests.Inventory(new InventoryPackage { Name = "urllib3", Version = "1.26.4" });

        var report = new Auditor(index, new AuditOptions { AsOf = DateTimeOffset.UtcNow }).Audit(inventory);

        Assert.Equal("PyPI", Assert.Single(report.Environments[0].Packages).Source);
        Assert.DoesNotContain(report.Warnings, w => w.Contains("Debian", StringComparison.Ordinal));
    }
}
