using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Auditing;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Tests.Advisories;
using Pyfleet.Packaging.Markers;

namespace Pyfleet.Core.Tests.Auditing;

public sealed class AuditorTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    internal static InventoryDocument Inventory(params InventoryPackage[] packages) => new()
    {
        Host = new HostInfo { Name = "h1", Os = new OperatingSystemInfo("debian", "12", "bookworm", "Debian GNU/Linux 12") },
        ScannedAt = Now,
        Environments = [new PythonEnvironment { Path = "/srv/app/.venv", Kind = EnvironmentKinds.Venv, Labels = ["shop"], Packages = packages }],
    };

    private static AuditReport Audit(AdvisoryIndex index, InventoryDocument document, IReadOnlyList<Suppression>? suppressions = null, MarkerEnvironment? target = null) =>
        new Auditor(index, new AuditOptions { AsOf = Now, Suppressions = suppressions ?? [], Target = target }).Audit(document);

    [Fact]
    public void Audit_RecordsSharingAliases_OneMergedFinding()
    {
        var range = """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]""";
        var index = AdvisoryIndex.Build([
            OsvTestRecords.PyPI("PYSEC-2024-1", "demo", range, aliases: """["CVE-2024-0001"]"""),
            OsvTestRecords.PyPI("GHSA-aaaa-bbbb-cccc", "demo", range, aliases: """["CVE-2024-0001"]""",
                extra: "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],"),
        ]);
        var package = Assert.Single(Audit(index, Inventory(new InventoryPackage { Name = "demo", Version = "1.0" })).Environments[0].Packages);
        var finding = Assert.Single(package.Vulnerabilities);
        Assert.Equal("PYSEC-2024-1", finding.Id);
        Assert.Equal(["CVE-2024-0001", "GHSA-aaaa-bbbb-cccc"], finding.Aliases);
        Assert.Equal(SeverityRating.Critical, finding.Severity.Rating); // the highest severity of the merged records
        Assert.Equal(9.8, finding.Severity.Score);
        Assert.Equal("2.0", package.MinimalFix);
    }

    [Fact]
    public void Audit_SeveralAdvisories_MinimalFixClearsAllAndPrefersTheSameSeries()
    {
        var index = AdvisoryIndex.Build([
            OsvTestRecords.PyPI("PYSEC-T-1", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.2.5"},{"introduced":"4.0"},{"fixed":"4.0.2"}]}]"""),
            OsvTestRecords.PyPI("PYSEC-T-2", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"3.0"},{"fixed":"3.2.9"},{"introduced":"4.0"},{"fixed":"4.0.1"}]}]"""),
        ]);
        var package = Assert.Single(Audit(index, Inventory(new InventoryPackage { Name = "demo", Version = "3.2.1" })).Environments[0].Packages);
        Assert.Equal(2, package.Vulnerabilities.Count);
        Assert.Equal("3.2.9", package.MinimalFix); // 3.2.5 still has PYSEC-T-2; 4.0.2 is another series

        var other = Assert.Single(Audit(index, Inventory(new InventoryPackage { Name = "demo", Version = "2.0" })).Environments[0].Packages);
        Assert.Equal("3.2.9", other.MinimalFix); // no clear 2.x: the smallest clear version overall
    }

    [Fact]
    public void Audit_Suppression_HidesUntilExpiryThenReturns()
    {
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-T-1", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]""", aliases: """["CVE-2020-1"]""")]);
        var inventory = Inventory(new InventoryPackage { Name = "demo", Version = "1.0" });
        var active = new Suppression("CVE-2020-1", "not reachable", Package: "Demo", Environment: "shop", Expires: new DateOnly(2026, 1, 15));
        var package = Assert.Single(Audit(index, inventory, [active]).Environments[0].Packages);
        Assert.Empty(package.Vulnerabilities);
        Assert.Equal("not reachable", Assert.Single(package.Suppressed).Suppression.Reason);

        var expired = active with { Expires = new DateOnly(2026, 1, 14) };
        Assert.Single(Assert.Single(Audit(index, inventory, [expired]).Environments[0].Packages).Vulnerabilities);

        var otherEnvironment = active with { Environment = "/other" };
        Assert.Single(Assert.Single(Audit(index, inventory, [otherEnvironment]).Environments[0].Packages).Vulnerabilities);
    }

    [Fact]
    public void Audit_MarkerFalseForTarget_PackageNotReported()
    {
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-T-1", "pywin32", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]""")]);
        var inventory = Inventory(new InventoryPackage { Name = "pywin32", Version = "300", Marker = "sys_platform == \"win32\"" });
        var linux = Audit(index, inventory, target: MarkerEnvironment.For("3.11", "linux")).Environments[0];
        Assert.Empty(linux.Packages);
        Assert.Equal(1, linux.PackagesExcludedByMarker);
        Assert.Single(Audit(index, inventory, target: MarkerEnvironment.For("3.11", "win32")).Environments[0].Packages);
    }

    [Fact]
    public void Audit_PackageWithoutVersion_SkippedWithReason()
    {
        var index = AdvisoryIndex.Build([OsvTestRecords.PyPI("PYSEC-T-1", "demo", """[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]""")]);
        var environment = Audit(index, Inventory(new InventoryPackage { Name = "demo", Specifier = ">=1" })).Environments[0];
        Assert.Empty(environment.Packages);
        Assert.Equal("demo", Assert.Single(environment.Skipped).Name);
    }
}
