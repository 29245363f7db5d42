using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Tests.Scanning.Support;

namespace Pyfleet.Core.Tests.Scanning;

/// <summary>dpkg ownership: the real apt-installed python3-six and python3-urllib3, and fake roots for the other layouts.</summary>
public sealed class DpkgProvenanceTests
{
    [Theory]
    [InlineData("python3-six", "six")]
    [InlineData("python3-urllib3", "urllib3")]
    public void Scan_DebianDistPackages_ReportsTheOwningPackageAsDpkgQuerySeesIt(string debianPackage, string distribution)
    {
        var query = ProcessRunner.Run("dpkg-query", "/", "-W", "-f", "${Package} ${Version} ${source:Package}", debianPackage).Split(' ');

        var scan = new EnvironmentScanner().Scan(new ScanOptions { Paths = ["/usr/lib/python3/dist-packages"] });
        var package = scan.Environments.Single().Packages.First(p => p.Name == distribution && p.ShadowedBy is null);

        Assert.Equal(new OsPackageInfo("dpkg", query[0], query[1], query[2]), package.OsPackage);
        Assert.StartsWith("/usr/lib/python3/dist-packages/", package.Location);
    }

    [Fact]
    public void Scan_SystemWithRoot_PipCopyInUsrLocalShadowsDebianCopy()
    {
        using var tree = DebianRoot();
        tree.DistInfo("usr/local/lib/python3.11/dist-packages", "requests", "2.31.0");

        var system = ScanSystem(tree).Environments.Single(e => e.Path == "/usr/bin/python3.11");
        var winner = system.Packages.Single(p => p.Name == "requests" && p.ShadowedBy is null);
        var debian = system.Packages.Single(p => p.Name == "requests" && p.ShadowedBy is not null);

        Assert.Equal(("2.31.0", "pip", (OsPackageInfo?)null), (winner.Version, winner.Installer, winner.OsPackage));
        Assert.Equal("/usr/local/lib/python3.11/dist-packages/requests-2.31.0.dist-info", debian.ShadowedBy);
        Assert.Equal(new OsPackageInfo("dpkg", "python3-requests", "2.28.1+dfsg-1", "requests"), debian.OsPackage);
        Assert.Equal(new PythonRuntime("3.11.2"), system.Python);
    }

    [Fact]
    public void Scan_BinNmuSource_KeepsSourceNameAndVersionApart()
    {
        using var tree = DebianRoot();

        var yaml = ScanSystem(tree).Environments.Single(e => e.Path == "/usr/bin/python3.11").Packages.Single(p => p.Name == "pyyaml");

        Assert.Equal(new OsPackageInfo("dpkg", "python3-yaml", "6.0-3+b2", "pyyaml", "6.0-3"), yaml.OsPackage);
        Assert.Equal("PyYAML", yaml.DisplayName);
    }

    [Fact]
    public void Scan_NotInstalledStanza_IsNotAnOwner()
    {
        using var tree = DebianRoot();
        tree.File("var/lib/dpkg/status", File.ReadAllText(tree["var/lib/dpkg/status"]).Replace("install ok installed\nVersion: 2.28.1", "deinstall ok config-files\nVersion: 2.28.1"));

        var requests = ScanSystem(tree).Environments.Single(e => e.Path == "/usr/bin/python3.11").Packages.Single(p => p.Name == "requests");

        Assert.Null(requests.OsPackage);
    }

    [Fact]
    public void Scan_DistrolessStatusD_MapsFilesFromMd5sums()
    {
        using var tree = new TempTree();
        tree.Folder("usr/lib/python3.11").File("usr/bin/python3.11", "")
            .EggInfo("usr/lib/python3/dist-packages", "six", "1.16.0")
            .File("var/lib/dpkg/status.d/python3-six", "Package: python3-six\nVersion: 1.16.0-4\nArchitecture: all\nSource: six\n")
            .File("var/lib/dpkg/status.d/python3-six.md5sums", "0123456789abcdef0123456789abcdef  usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO\n");

        var six = ScanSystem(tree).Environments.Single().Packages.Single();

        Assert.Equal(new OsPackageInfo("dpkg", "python3-six", "1.16.0-4", "six"), six.OsPackage);
    }

    [Fact]
    public void Scan_SystemSiteVenvInRoot_ReportsBasePackagesAsInherited()
    {
        using var tree = DebianRoot();
        tree.Venv("srv/app/.venv", systemSite: true).DistInfo("srv/app/.venv/lib/python3.11/site-packages", "requests", "2.32.3");

        var scan = new EnvironmentScanner().Scan(new ScanOptions { Paths = ["/srv"], RootPrefix = tree.Root });
        var venv = scan.Environments.Single();
        var own = venv.Packages.Single(p => p.Name == "requests" && !p.Inherited);
        var inherited = venv.Packages.Where(p => p.Inherited).ToList();

        Assert.Equal("/srv/app/.venv", venv.Path);
        Assert.Null(own.ShadowedBy);
        Assert.Equal(["pyyaml", "requests"], inherited.Select(p => p.Name));
        Assert.Equal(own.Location, inherited.Single(p => p.Name == "requests").ShadowedBy);
        Assert.All(inherited, p => Assert.NotNull(p.OsPackage));
    }

    private static InventoryDocument ScanSystem(TempTree tree) =>
        new EnvironmentScanner().Scan(new ScanOptions { IncludeSystem = true, RootPrefix = tree.Root, HostName = "image" });

    // A Debian 12 image: python3.11 with apt's dist-packages and a dpkg database (status + info/*.list).
    private static TempTree DebianRoot()
    {
        var tree = new TempTree();
        tree.File("usr/bin/python3.11", "")
            .Folder("usr/lib/python3.11")
            .File("usr/include/python3.11/patchlevel.h", "#define PY_VERSION              \"3.11.2\"\n")
            .EggInfo("usr/lib/python3/dist-packages", "requests", "2.28.1")
            .File("usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: PyYAML\nVersion: 6.0\n\n")
            .File("var/lib/dpkg/status", """
                Package: python3-requests
                Status: install ok installed
                Version: 2.28.1+dfsg-1
                Architecture: all
                Source: requests
                Description: elegant and simple HTTP library
                 for Python3.
                 .
                 More text.

                Package: python3-yaml
                Status: install ok installed
                Architecture: amd64
                Multi-Arch: same
                Source: pyyaml (6.0-3)
                Version: 6.0-3+b2

                """.Replace("\r", ""))
            .File("var/lib/dpkg/info/python3-requests.list", "/.\n/usr\n/usr/lib/python3/dist-packages/requests-2.28.1.egg-info\n/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO\n")
            .File("var/lib/dpkg/info/python3-yaml:amd64.list", "/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info\n/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA\n");
        return tree;
    }
}
