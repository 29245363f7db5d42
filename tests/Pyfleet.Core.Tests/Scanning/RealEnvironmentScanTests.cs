using System.Text.Json;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Tests.Scanning.Support;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Tests.Scanning;

/// <summary>Scans of real venvs built by pip, compared field by field with what pip itself reports for them.</summary>
public sealed class RealEnvironmentScanTests(RealEnvironmentsFixture fixture) : IClassFixture<RealEnvironmentsFixture>
{
    private readonly InventoryDocument _scan = new EnvironmentScanner().Scan(new ScanOptions
    {
        Paths = [Path.Combine(fixture.Root, "apps")],
        Labels = new EnvironmentLabels([new(Path.Combine(fixture.Root, "apps", "shared"), "billing"), new(Path.Combine(fixture.Root, "apps", "shared"), "intranet")]),
    });

    public static TheoryData<string> Venvs => ["plain", "shared"];

    [Theory]
    [MemberData(nameof(Venvs))]
    public void Scan_RealVenv_AgreesExactlyWithPipInspect(string venv)
    {
        var path = Path.Combine(fixture.Root, "apps", venv);
        using var inspect = JsonDocument.Parse(RealEnvironmentsFixture.Pip(path, "inspect"));
        var expected = inspect.RootElement.GetProperty("installed").EnumerateArray().Select(item =>
        {
            var directUrl = item.TryGetProperty("direct_url", out var d) ? d : default;
            var editable = directUrl.ValueKind == JsonValueKind.Object && directUrl.TryGetProperty("dir_info", out var dir) && dir.TryGetProperty("editable", out var e) && e.GetBoolean();
            return string.Join(" | ",
                PackageName.Normalize(item.GetProperty("metadata").GetProperty("name").GetString()!),
                item.GetProperty("metadata").GetProperty("version").GetString(),
                item.TryGetProperty("installer", out var installer) ? installer.GetString() : "-",
                editable,
                item.GetProperty("metadata_location").GetString(),
                directUrl.ValueKind == JsonValueKind.Object ? directUrl.GetProperty("url").GetString() : "-");
        }).Order(StringComparer.Ordinal).ToList();

        var actual = Visible(path).Select(p => string.Join(" | ", p.Name, p.Version, p.Installer ?? "-", p.Editable, p.Location, p.Url ?? "-"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.True(expected.Count >= 6, "pip should see the installed test packages");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Venvs))]
    public void Scan_RealVenv_AgreesExactlyWithPipListJson(string venv)
    {
        var path = Path.Combine(fixture.Root, "apps", venv);
        using var list = JsonDocument.Parse(RealEnvironmentsFixture.Pip(path, "list", "--format=json"));
        var expected = list.RootElement.EnumerateArray()
            .Select(item => $"{item.GetProperty("name").GetString()} {item.GetProperty("version").GetString()} {(item.TryGetProperty("editable_project_location", out var l) ? l.GetString() : "-")}")
            .Order(StringComparer.Ordinal).ToList();

        var actual = Visible(path)
            .Select(p => $"{PipListName(p)} {p.Version} {(p.Editable ? new Uri(p.Url!).LocalPath : "-")}")
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Scan_SystemSiteVenv_ShadowsDebianSixWithTheVenvCopy()
    {
        var shared = Environment("shared");
        var sixes = shared.Packages.Where(p => p.Name == "six").ToList();
        var own = Assert.Single(sixes, p => !p.Inherited);
        var debian = Assert.Single(sixes, p => p.Inherited);

        Assert.Equal("1.99.0", own.Version);
        Assert.Null(own.ShadowedBy);
        Assert.Equal("/usr/lib/python3/dist-packages/six-1.16.0.egg-info", debian.Location);
        Assert.Equal(own.Location, debian.ShadowedBy);
        Assert.Equal(new OsPackageInfo("dpkg", "python3-six", "1.16.0-4", "six"), debian.OsPackage);
    }

    [Fact]
    public void Scan_PlainVenv_SeesNoSystemPackages()
    {
        var plain = Environment("plain");

        Assert.DoesNotContain(plain.Packages, p => p.Inherited || p.Name == "six");
        Assert.Equal(["alpha", "beta-tools", "delta", "epsilon", "gamma-lib", "pip", "setuptools"], plain.Packages.Select(p => p.Name));
        Assert.Equal("Beta.Tools", plain.Packages.Single(p => p.Name == "beta-tools").DisplayName);
    }

    [Fact]
    public void Scan_EditableAndLegacyInstalls_AreFoundWherePipFindsThem()
    {
        var shared = Environment("shared");
        var pep660 = shared.Packages.Single(p => p.Name == "ed-pkg");
        var legacy = shared.Packages.Single(p => p.Name == "legacy-dev");
        var eggInfo = Environment("plain").Packages.Single(p => p.Name == "epsilon");

        Assert.True(pep660.Editable);
        Assert.Equal(new Uri(fixture.EditableProject).AbsoluteUri, pep660.Url);
        Assert.EndsWith(".dist-info", pep660.Location);
        Assert.True(legacy.Editable);
        Assert.Equal(Path.Combine(fixture.LegacyProject, "Legacy.Dev.egg-info"), legacy.Location);
        Assert.False(eggInfo.Editable);
        Assert.Equal(Path.Combine(fixture.Plain, "lib", "python3.11", "site-packages", "Epsilon-0.9.egg-info"), eggInfo.Location);
        Assert.Null(eggInfo.Installer); // pip 23.0's legacy setup.py install writes no INSTALLER (pip inspect agrees)
    }

    [Fact]
    public void Scan_RealVenvs_ReportThePythonThatCreatedThem()
    {
        var version = ProcessRunner.Run(RealEnvironmentsFixture.Python, fixture.Root, "-c", "import platform; print(platform.python_version())").Trim();

        Assert.All([Environment("plain"), Environment("shared")], e => Assert.Equal(new PythonRuntime(version, "cpython"), e.Python));
        Assert.All([Environment("plain"), Environment("shared")], e => Assert.Equal(EnvironmentKinds.Venv, e.Kind));
    }

    [Fact]
    public void Scan_WithLabels_AttachesThemToTheirEnvironmentOnly()
    {
        Assert.Equal(["billing", "intranet"], Environment("shared").Labels);
        Assert.Empty(Environment("plain").Labels);
    }

    [Fact]
    public void Scan_PipInstalledWheel_RecordsInstallerAndRequested()
    {
        var alpha = Environment("plain").Packages.Single(p => p.Name == "alpha");

        Assert.Equal("pip", alpha.Installer);
        Assert.True(alpha.Requested);
        Assert.Equal(Path.Combine(fixture.Root, "apps", "plain", "lib", "python3.11", "site-packages", "alpha-1.0.dist-info"), alpha.Location);
        Assert.DoesNotContain(_scan.Warnings, w => w.Path.StartsWith(fixture.Root, StringComparison.Ordinal));
    }

    // pip list prints the metadata Name as written.
    private static string PipListName(InventoryPackage package) => package.DisplayName ?? package.Name;

    private IEnumerable<InventoryPackage> Visible(string path) => _scan.Environments.Single(e => e.Path == path).Packages.Where(p => p.ShadowedBy is null);

    private PythonEnvironment Environment(string name) => _scan.Environments.Single(e => e.Path == Path.Combine(fixture.Root, "apps", name));
}
