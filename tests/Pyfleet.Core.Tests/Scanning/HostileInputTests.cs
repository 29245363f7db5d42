using System.Text;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Tests.Scanning.Support;

namespace Pyfleet.Core.Tests.Scanning;

/// <summary>Hostile file systems: every problem is a warning with its path and the scan goes on.</summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Site = "app/.venv/lib/python3.11/site-packages";
    private readonly TempTree _tree = new();

    public HostileInputTests() => _tree.Venv("app/.venv").DistInfo(Site, "good", "1.0");

    [Fact]
    public void Scan_SymlinkLoop_IsWarnedAndNotFollowedAgain()
    {
        _tree.Folder("a/b");
        File.CreateSymbolicLink(_tree["a/b/loop"], _tree["a"]);

        var scan = Scan();

        Assert.Contains(scan.Warnings, w => w.Path == _tree["a/b/loop"] && w.Message.Contains("already scanned"));
        Assert.Equal("good", Assert.Single(Assert.Single(scan.Environments).Packages).Name);
    }

    [Fact]
    public void Scan_SymlinkOutOfRoot_IsNotFollowedUnlessAsked()
    {
        var outside = new TempTree();
        try
        {
            outside.Venv("other").DistInfo("other/lib/python3.11/site-packages", "outsider", "3.0");
            Directory.CreateSymbolicLink(_tree["linked"], outside.Root);

            var confined = Scan();
            var followed = Scan(o => o with { FollowSymlinks = true });

            Assert.Contains(confined.Warnings, w => w.Path == _tree["linked"] && w.Message.Contains("out of the scanned folders"));
            Assert.Single(confined.Environments);
            Assert.Contains(followed.Environments, e => e.Path == _tree["linked/other"] && e.Packages.Single().Name == "outsider");
        }
        finally
        {
            outside.Dispose();
        }
    }

    [Fact]
    public void Scan_FileWhereFolderExpected_IsAWarning()
    {
        _tree.Venv("broken/.venv");
        Directory.Delete(_tree["broken/.venv/lib/python3.11/site-packages"]);
        _tree.File("broken/.venv/lib/python3.11/site-packages", "not a folder");

        var scan = Scan(o => o with { Paths = [_tree.Root, _tree["app/.venv/pyvenv.cfg"]] });

        Assert.Empty(scan.Errors); // a pyvenv.cfg named explicitly stands for its venv (issue 11: scan FILE reads the file)
        Assert.Empty(scan.Environments.Single(e => e.Path == _tree["broken/.venv"]).Packages);
        Assert.Single(scan.Environments.Single(e => e.Path == _tree["app/.venv"]).Packages);
    }

    [Fact]
    public void Scan_MetadataThatIsAFolder_IsAWarning()
    {
        _tree.Folder($"{Site}/odd-1.0.dist-info/METADATA");

        var scan = Scan();

        Assert.Contains(scan.Warnings, w => w.Path == _tree[$"{Site}/odd-1.0.dist-info"]);
        Assert.DoesNotContain(scan.Environments.Single().Packages, p => p.Name == "odd");
    }

    [Fact]
    public void Scan_TruncatedMetadata_IsWarnedAndSkipped()
    {
        _tree.File($"{Site}/cut-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: cut\nVers");

        var scan = Scan();

        Assert.Contains(scan.Warnings, w => w.Path == _tree[$"{Site}/cut-1.0.dist-info"] && w.Message.Contains("without Version"));
        Assert.DoesNotContain(scan.Environments.Single().Packages, p => p.Name == "cut");
    }

    [Fact]
    public void Scan_BinaryMetadata_IsWarnedAndSkipped()
    {
        _tree.Bytes($"{Site}/bin-1.0.dist-info/METADATA", [0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1, 2, (byte)'\n', 0xff, 0xfe]);

        var scan = Scan();

        Assert.Contains(scan.Warnings, w => w.Path == _tree[$"{Site}/bin-1.0.dist-info"] && w.Message.Contains("binary"));
        Assert.Single(scan.Environments.Single().Packages);
    }

    [Fact]
    public void Scan_NonUtf8Metadata_IsReadAsLatin1WithAWarning()
    {
        _tree.Bytes($"{Site}/caf-1.0.dist-info/METADATA", [.. "Metadata-Version: 1.0\nName: caf"u8, 0xE9, .. "\nVersion: 1.0\n\n"u8]);

        var scan = Scan();

        Assert.Contains(scan.Warnings, w => w.Path == _tree[$"{Site}/caf-1.0.dist-info"] && w.Message.Contains("non-UTF-8"));
        Assert.Equal("café", scan.Environments.Single().Packages.Single(p => p.Version == "1.0" && p.Name != "good").DisplayName);
    }

    [Fact]
    public void Scan_OneGigabyteJunkMetadata_ReadsOnlyTheBoundedHeader()
    {
        var path = _tree[$"{Site}/junk-1.0.dist-info/METADATA"];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var stream = new FileStream(path, FileMode.Create))
        {
            stream.Write(Encoding.ASCII.GetBytes(new string('x', 70_000)));
            stream.SetLength(1L << 30); // sparse: costs no disk
        }

        var scan = Scan();

        Assert.Equal(1L << 30, new FileInfo(path).Length);
        Assert.Contains(scan.Warnings, w => w.Path == _tree[$"{Site}/junk-1.0.dist-info"] && w.Message.Contains("64 KiB"));
        Assert.Equal("good", scan.Environments.Single().Packages.Single().Name);
    }

    [Fact]
    public void Scan_DeepTree_StopsAtTheDepthLimitWithAWarning()
    {
        var deep = string.Join('/', Enumerable.Repeat("d", 300));
        _tree.Venv($"{deep}/.venv").DistInfo($"{deep}/.venv/lib/python3.11/site-packages", "buried", "1.0");

        var limited = Scan(o => o with { MaxDepth = 16 });
        var unlimited = Scan(o => o with { MaxDepth = 400 });

        Assert.DoesNotContain(limited.Environments, e => e.Packages.Any(p => p.Name == "buried"));
        Assert.Contains(limited.Warnings, w => w.Message.Contains("depth limit 16"));
        Assert.Contains(unlimited.Environments, e => e.Packages.Any(p => p.Name == "buried"));
    }

    [Fact]
    public void Scan_Excludes_SkipMatchingFoldersAndDefaults()
    {
        _tree.Venv("build-1/.venv").Venv("src/.git/hooks/.venv").Venv("keep/.venv").Venv("srv/cache/x/.venv");

        var scan = Scan(o => o with { Excludes = ["build*", "**/cache/**"] });

        Assert.Equal([_tree["app/.venv"], _tree["keep/.venv"]], scan.Environments.Select(e => e.Path));
    }

    [Fact]
    public void Scan_PthImportLine_IsNeverExecutedButPathLinesAreFollowed()
    {
        var marker = _tree["executed"];
        _tree.DistInfo("extra", "fromPth", "0.1")
            .File($"{Site}/evil.pth", $"import os; open('{marker}', 'w').write('x')\n# a comment\n{_tree["extra"]}\n../../../../missing\n");

        var scan = Scan();

        Assert.False(File.Exists(marker));
        Assert.Contains(scan.Environments.Single().Packages, p => p.Name == "frompth" && p.Location == _tree["extra/fromPth-0.1.dist-info"]);
        Assert.Contains(scan.Warnings, w => w.Path == _tree[$"{Site}/evil.pth"] && w.Message.Contains("missing"));
    }

    public void Dispose() => _tree.Dispose();

    private InventoryDocument Scan(Func<ScanOptions, ScanOptions>? configure = null)
    {
        var options = new ScanOptions { Paths = [_tree.Root] };
        return new EnvironmentScanner().Scan(configure is null ? options : configure(options));
    }
}
