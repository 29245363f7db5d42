using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Tests.Scanning.Support;

namespace Pyfleet.Core.Tests.Scanning;

/// <summary>Which folders are environments and what kind: venv creators, conda, pyenv, user site, bare site folders.</summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly TempTree _tree = new();

    [Fact]
    public void Scan_PyvenvCfgFromVirtualenvAndUv_ReadsVersionAndImplementation()
    {
        _tree.File("venvs/virtualenv/pyvenv.cfg", "home = /usr/bin\nimplementation = CPython\nversion_info = 3.12.1.final.0\nvirtualenv = 20.25.0\ninclude-system-site-packages = false\n")
            .Folder("venvs/virtualenv/lib/python3.12/site-packages")
            .File("venvs/uv/pyvenv.cfg", "home = /opt/python/bin\nimplementation = PyPy\nuv = 0.5.0\nversion_info = 3.10\ninclude-system-site-packages = false\n")
            .Folder("venvs/uv/lib/python3.10/site-packages")
            .File("venvs/bare/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\n")
            .DistInfo("venvs/bare/lib/python3.9/site-packages", "only", "1");

        var scan = Scan();

        Assert.Equal(
            [("bare", new PythonRuntime("3.9")), ("uv", new PythonRuntime("3.10", "pypy")), ("virtualenv", new PythonRuntime("3.12.1"))],
            scan.Environments.Select(e => (Path.GetFileName(e.Path), e.Python!)));
        Assert.Single(scan.Environments[0].Packages);
    }

    [Fact]
    public void Scan_PyvenvCfgWithoutIncludeKey_InheritsLikeSitePy()
    {
        // site.py: a missing include-system-site-packages means true.
        _tree.File("base/bin/python3.11", "").DistInfo("base/lib/python3.11/site-packages", "base-only", "1.0")
            .File("env/pyvenv.cfg", $"home = {_tree["base/bin"]}\nversion = 3.11.4\n").Folder("env/lib/python3.11/site-packages");

        var env = Scan(_tree["env"]).Environments.Single();

        Assert.True(env.Packages.Single(p => p.Name == "base-only").Inherited);
    }

    [Fact]
    public void Scan_CondaPrefix_ReportsChannelsNonPythonPackagesAndPython()
    {
        _tree.DistInfo("conda/lib/python3.12/site-packages", "numpy", "1.26.4", installer: "conda")
            .DistInfo("conda/lib/python3.12/site-packages", "pip-only", "0.1")
            .File("conda/bin/python3.12", "")
            .File("conda/conda-meta/numpy-1.26.4-py312h0.json", """{"name":"numpy","version":"1.26.4","build":"py312h0","channel":"https://conda.anaconda.org/conda-forge/linux-64","files":["lib/python3.12/site-packages/numpy/__init__.py","lib/python3.12/site-packages/numpy-1.26.4.dist-info/METADATA"]}""")
            .File("conda/conda-meta/openssl-3.2.1-h0.json", """{"name":"openssl","version":"3.2.1","build":"h0","channel":"https://conda.anaconda.org/conda-forge/linux-64","files":["lib/libssl.so.3"]}""")
            .File("conda/conda-meta/python-3.12.2-h0.json", """{"name":"python","version":"3.12.2","build":"h0","channel":"pkgs/main","files":["bin/python3.12"]}""")
            .File("conda/conda-meta/broken.json", "{ not json")
            .File("conda/envs/ml/conda-meta/history", "")
            .DistInfo("conda/envs/ml/lib/python3.11/site-packages", "torch", "2.2.0");

        var scan = Scan();
        var conda = scan.Environments.Single(e => e.Path == _tree["conda"]);

        Assert.Equal(EnvironmentKinds.Conda, conda.Kind);
        Assert.Equal(new PythonRuntime("3.12.2"), conda.Python);
        Assert.Equal("https://conda.anaconda.org/conda-forge/linux-64", conda.Packages.Single(p => p.Name == "numpy").Channel);
        Assert.Null(conda.Packages.Single(p => p.Name == "pip-only").Channel);
        var openssl = conda.Packages.Single(p => p.Name == "openssl");
        Assert.Equal(("conda", "3.2.1", "conda"), (openssl.Ecosystem, openssl.Version, openssl.Installer));
        Assert.Contains(scan.Warnings, w => w.Path == _tree["conda/conda-meta/broken.json"]);
        Assert.Equal("torch", scan.Environments.Single(e => e.Path == _tree["conda/envs/ml"]).Packages.Single().Name);
    }

    [Fact]
    public void Scan_SystemWithHome_FindsPyenvVersionsAndUserSiteShadowingSystem()
    {
        _tree.File("usr/bin/python3.11", "").Folder("usr/lib/python3.11")
            .DistInfo("usr/lib/python3/dist-packages", "attrs", "22.2.0", installer: "debian")
            .File("home/ann/.pyenv/versions/3.12.1/bin/python3.12", "")
            .File("home/ann/.pyenv/versions/3.12.1/include/python3.12/patchlevel.h", "#define PY_VERSION \"3.12.1\"\n")
            .DistInfo("home/ann/.pyenv/versions/3.12.1/lib/python3.12/site-packages", "pip", "23.2.1")
            .DistInfo("home/ann/.local/lib/python3.11/site-packages", "attrs", "23.2.0");

        var scan = new EnvironmentScanner().Scan(new ScanOptions { IncludeSystem = true, RootPrefix = _tree.Root, HomeDirectories = ["/home/ann"] });

        var pyenv = scan.Environments.Single(e => e.Kind == EnvironmentKinds.Pyenv);
        Assert.Equal(("/home/ann/.pyenv/versions/3.12.1", new PythonRuntime("3.12.1")), (pyenv.Path, pyenv.Python!));
        var user = scan.Environments.Single(e => e.Kind == EnvironmentKinds.UserSite);
        Assert.Equal("/home/ann/.local/lib/python3.11/site-packages", user.Path);
        Assert.Equal(user.Packages.Single(p => !p.Inherited).Location, user.Packages.Single(p => p.Inherited).ShadowedBy);
        Assert.Null(scan.Environments.Single(e => e.Path == "/usr/bin/python3.11").Packages.Single().ShadowedBy);
    }

    [Fact]
    public void Scan_EggLinkAndZippedEgg_AreReadWithoutRunningAnything()
    {
        const string site = "env/lib/python3.11/site-packages";
        _tree.Venv("env").File($"{site}/My_Tool.egg-link", $"{_tree["src/mytool"]}\n.\n")
            .File($"{site}/easy-install.pth", $"{_tree["src/mytool"]}\n./Zipped-2.0-py3.11.egg\n")
            .File("src/mytool/My_Tool.egg-info/PKG-INFO", "Metadata-Version: 1.1\nName: My_Tool\nVersion: 0.5.dev0\n");
        using (var zip = System.IO.Compression.ZipFile.Open(_tree[$"{site}/Zipped-2.0-py3.11.egg"], System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("EGG-INFO/PKG-INFO").Open());
            writer.Write("Metadata-Version: 1.1\nName: Zipped\nVersion: 2.0\n");
        }

        var packages = Scan().Environments.Single().Packages;

        var tool = packages.Single(p => p.Name == "my-tool");
        Assert.Equal((true, new Uri(_tree["src/mytool"]).AbsoluteUri, "0.5.dev0"), (tool.Editable, tool.Url, tool.Version));
        Assert.Equal("2.0", packages.Single(p => p.Name == "zipped").Version);
    }

    [Fact]
    public void Scan_DirectUrlWithCredentials_RedactsThem()
    {
        const string site = "env/lib/python3.11/site-packages";
        _tree.Venv("env").DistInfo(site, "private", "1.0").DistInfo(site, "viagit", "2.0")
            .File($"{site}/private-1.0.dist-info/direct_url.json", """{"url":"https://user:s3cret@pypi.example.com/private-1.0.tar.gz","archive_info":{}}""")
            .File($"{site}/viagit-2.0.dist-info/direct_url.json", """{"url":"ssh://git@github.com/org/viagit.git","vcs_info":{"vcs":"git","commit_id":"abc"}}""");

        var packages = Scan().Environments.Single().Packages;

        Assert.Equal("https://pypi.example.com/private-1.0.tar.gz", packages.Single(p => p.Name == "private").Url);
        Assert.Equal("ssh://git@github.com/org/viagit.git", packages.Single(p => p.Name == "viagit").Url);
    }

    public void Dispose() => _tree.Dispose();

    private InventoryDocument Scan(string? path = null) => new EnvironmentScanner().Scan(new ScanOptions { Paths = [path ?? _tree.Root] });
}
