using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Sbom;

namespace Pyfleet.Core.Tests.Sbom;

public sealed class SbomReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 22, 0, 0, 0, TimeSpan.Zero);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sbom", name);

    private static (InventoryDocument Document, List<string> Warnings) Read(string name)
    {
        var warnings = new List<string>();
        return (SbomReader.Read(Fixture(name), warnings, Now), warnings);
    }

    private static InventoryPackage Package(InventoryDocument document, string name) => document.Environments.Single().Packages.Single(p => p.Name == name);

    [Theory]
    [InlineData("syft-image.cdx.json")]
    [InlineData("trivy-image.cdx.json")]
    [InlineData("cdxgen-python.cdx.json")]
    [InlineData("cyclonedx-py-env.cdx.json")]
    [InlineData("syft-dir.spdx.json")]
    [InlineData("app.spdx3.jsonld")]
    public void IsSbom_ToolOutput_SniffedByContent(string name)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-sbom-").FullName, "whatever.txt");
        File.Copy(Fixture(name), copy);

        Assert.True(SbomReader.IsSbom(copy));
    }

    [Fact]
    public void IsSbom_RequirementsAndPipfileLock_False()
    {
        var folder = Directory.CreateTempSubdirectory("pyfleet-sbom-").FullName;
        File.WriteAllText(Path.Combine(folder, "r.txt"), "django==4.2\n");
        File.WriteAllText(Path.Combine(folder, "p.json"), """{"_meta": {}, "default": {}}""");

        Assert.False(SbomReader.IsSbom(Path.Combine(folder, "r.txt")));
        Assert.False(SbomReader.IsSbom(Path.Combine(folder, "p.json")));
    }

    [Fact]
    public void Read_SyftImage_PythonAndDebPackagesOtherEcosystemsCounted()
    {
        var (document, warnings) = Read("syft-image.cdx.json");

        var environment = Assert.Single(document.Environments);
        Assert.Equal(("registry.example/shop", EnvironmentKinds.Sbom), (environment.Path, environment.Kind));
        Assert.Equal(new OperatingSystemInfo("debian", "12", null, null), document.Host.Os);
        var django = Package(document, "django");
        Assert.Equal(("Django", "4.2.3"), (django.DisplayName, django.Version));
        Assert.Equal("/usr/local/lib/python3.11/site-packages/Django-4.2.3.dist-info/METADATA", django.Location);
        Assert.Equal("zope.interface", Package(document, "zope-interface").DisplayName);
        var urllib3 = Package(document, "urllib3");
        Assert.Equal(new OsPackageInfo("dpkg", "python3-urllib3", "1.26.12-1", "python-urllib3", null), urllib3.OsPackage);
        Assert.Equal("1.26.12", urllib3.Version);
        Assert.Equal("glibc", Package(document, "libc6").OsPackage!.Source);
        Assert.Equal(["$path: 3 CycloneDX component(s) of other ecosystems not checked: golang 2, npm 1".Replace("$path", Fixture("syft-image.cdx.json"), StringComparison.Ordinal)], warnings);
    }

    [Fact]
    public void Read_TrivyImage_EpochAndSourceFromPropertiesDistroWithPointRelease()
    {
        var (document, warnings) = Read("trivy-image.cdx.json");

        Assert.Equal("registry.example/shop:1.4", document.Environments[0].Path);
        Assert.Equal("12", document.Host.Os!.VersionId);
        var django = Package(document, "django");
        Assert.Equal(new OsPackageInfo("dpkg", "python3-django", "3:3.2.19-1+deb12u1", "python-django", "3:3.2.19-1+deb12u1"), django.OsPackage);
        Assert.Equal("3.2.19", django.Version);
        Assert.Equal("2.31.0", Package(document, "requests").Version);
        Assert.Contains("gem 1", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cdxgen_ProjectSubjectAndUnpinnedPackageKeptWithoutVersion()
    {
        var (document, warnings) = Read("cdxgen-python.cdx.json");

        Assert.Equal("shop-api", document.Environments[0].Path);
        Assert.Equal("5.3.1", Package(document, "pyyaml").Version);
        Assert.Null(Package(document, "flask").Version); // audited as "no pinned version", never silently clean
        Assert.Empty(warnings);
        Assert.Null(document.Host.Os);
    }

    [Fact]
    public void Read_CyclonedxPy_NamesFromPurlVersionsFromComponents()
    {
        var (document, _) = Read("cyclonedx-py-env.cdx.json");

        Assert.Equal("billing", document.Environments[0].Path);
        Assert.Equal(["urllib3", "jinja2"], document.Environments[0].Packages.Select(p => p.Name));
        Assert.Equal("Jinja2", Package(document, "jinja2").DisplayName);
    }

    [Fact]
    public void Read_Spdx23_PackagesByPurlRootIsTheSubject()
    {
        var (document, warnings) = Read("syft-dir.spdx.json");

        Assert.Equal("/srv/reports", document.Environments[0].Path);
        Assert.Equal(["urllib3", "six"], document.Environments[0].Packages.Select(p => p.Name));
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 9, 30, 0, TimeSpan.Zero), document.ScannedAt);
        Assert.Contains("1 SPDX component(s) of other ecosystems not checked: npm 1", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Spdx3JsonLd_PackagesByPackageUrlOrExternalIdentifier()
    {
        var (document, warnings) = Read("app.spdx3.jsonld");

        Assert.Equal("inventory-app", document.Environments[0].Path);
        Assert.Equal(["urllib3", "certifi"], document.Environments[0].Packages.Select(p => p.Name));
        Assert.Contains("cargo 1", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OwnCycloneDxReport_RoundTripsPackagesNotEnvironmentsAsPackages()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-sbom-").FullName, "pyfleet.cdx.json");
        using (var stream = File.Create(path))
        {
            Core.Reporting.CycloneDx.CycloneDxAuditWriter.Write(Reporting.ReportSamples.Audit(), stream);
        }

        var warnings = new List<string>();
        var document = SbomReader.Read(path, warnings, Now);

        Assert.Equal("web-1", document.Environments[0].Path);
        Assert.Contains(document.Environments[0].Packages, p => p.Name == "django" && p.Version == "4.2.3");
        Assert.Contains(document.Environments[0].Packages, p => p.OsPackage is { Name: "python3-idna", Source: "python-idna" });
        Assert.Empty(warnings);
    }

    [Fact]
    public void Read_BrokenJson_ErrorWithPathAndLine()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-sbom-").FullName, "bom.json");
        File.WriteAllText(path, "{\"bomFormat\": \"CycloneDX\",\n \"components\": [\n");

        var error = Assert.Throws<PyfleetException>(() => SbomReader.Read(path, [], Now));

        Assert.Equal(path, error.Path);
        Assert.StartsWith("not a readable SBOM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestReaders_Sbom_NotReadAsRequirements()
    {
        var error = Assert.Throws<PyfleetException>(() => ManifestReaders.Read(Fixture("app.spdx3.jsonld")));

        Assert.Contains("SPDX SBOM", error.Message, StringComparison.Ordinal);
    }
}
