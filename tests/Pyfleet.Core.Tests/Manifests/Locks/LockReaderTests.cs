using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Tests.Manifests.Locks;

public sealed class LockReaderTests
{
    [Fact]
    public void PoetryLock_V21_PackagesWithHashesMarkersAndGitSource()
    {
        var result = ManifestFixture.Read("PoetryLock", "v2", "poetry.lock");

        Assert.Equal(EnvironmentKinds.PoetryLock, result.Environment.Kind);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["certifi", "colorama", "mylib", "requests"], result.Environment.Packages.Select(p => p.Name));
        var requests = result.Environment.Packages[3];
        Assert.Equal(("Requests", "2.32.3", "==2.32.3"), (requests.DisplayName, requests.Version, requests.Specifier));
        Assert.EndsWith("poetry.lock:43", requests.Origin, StringComparison.Ordinal);
        Assert.Equal("sys_platform == \"win32\"", result.Environment.Packages[1].Marker);
        Assert.Equal(2, result.Environment.Packages[0].Hashes.Count);
        var mylib = result.Environment.Packages[2];
        Assert.True(mylib.Editable);
        Assert.Equal("git+https://github.com/example/mylib.git@4f5d7a3c9a1b2e3f4a5b6c7d8e9f0a1b2c3d4e5f", mylib.Url);
    }

    [Fact]
    public void PoetryLock_V11_HashesFromMetadataFiles()
    {
        var packages = ManifestFixture.Read("PoetryLock", "v1", "poetry.lock").Environment.Packages;

        Assert.Equal(2, Assert.Single(packages, p => p.Name == "six").Hashes.Count);
        Assert.Equal(["sha256:2d27e3784d7a565d36ab851fe94887c5eccd6a463168875832a1be79c82828b4"], Assert.Single(packages, p => p.Name == "attrs").Hashes);
    }

    [Fact]
    public void UvLock_ForksSourcesAndVirtualProject()
    {
        var result = ManifestFixture.Read("UvLock", "uv.lock");
        var packages = result.Environment.Packages;

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["anyio", "idna", "numpy", "numpy", "sniffio", "tools", "webapp"], packages.Select(p => p.Name));
        Assert.Equal(["1.26.4", "2.1.2"], packages.Where(p => p.Name == "numpy").Select(p => p.Version));
        Assert.Equal(2, packages[0].Hashes.Count);
        Assert.StartsWith("git+https://github.com/python-trio/sniffio?tag=v1.3.1#", packages[4].Url, StringComparison.Ordinal);
        Assert.True(packages[5].Editable);
        Assert.True(packages[6].Editable); // the virtual root project, listed as the local project (issue 11 §2)
        Assert.EndsWith("uv.lock:12", packages[0].Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void PyLock_SourcesHashesAndExactlyOneSourceRule()
    {
        var result = ManifestFixture.Read("PyLock", "pylock.toml");
        var packages = result.Environment.Packages;

        Assert.Equal(["attrs", "cattrs", "mytool", "broken"], packages.Select(p => p.Name));
        Assert.Equal(["sha256:c75a69e28a550a7e93789579c22aa26b0f5b83b75dc4e08fe092980051e1090a"], packages[0].Hashes);
        Assert.Equal("python_version >= '3.12'", packages[1].Marker);
        Assert.Equal("git+https://github.com/example/mytool.git@0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c", packages[2].Url);
        var errors = result.Diagnostics.Where(d => d.Severity == ManifestSeverity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("exactly one", StringComparison.Ordinal) && e.Line == 31);
        Assert.Contains(errors, e => e.Message.Contains("archive.hashes", StringComparison.Ordinal));
    }

    [Fact]
    public void PdmLock_FilesGroupsAndEditablePath()
    {
        var result = ManifestFixture.Read("PdmLock", "pdm.lock");
        var packages = result.Environment.Packages;

        Assert.Equal(["iniconfig", "pytest", "shared"], packages.Select(p => p.Name));
        Assert.Equal(2, packages[0].Hashes.Count);
        Assert.Equal("python_version >= \"3.10\"", packages[1].Marker);
        Assert.True(packages[2].Editable);
        Assert.Equal("./libs/shared", packages[2].Url);
    }

    [Fact]
    public void PipfileLock_CategoriesVersionsWithOperatorAndLines()
    {
        var result = ManifestFixture.Read("PipfileLock", "Pipfile.lock");
        var packages = result.Environment.Packages;

        Assert.Equal(["flask", "mypkg", "requests", "pytest"], packages.Select(p => p.Name));
        Assert.Equal("3.0.3", packages[0].Version);
        Assert.EndsWith("Pipfile.lock:19", packages[0].Origin, StringComparison.Ordinal);
        Assert.EndsWith("Pipfile.lock:39", packages[3].Origin, StringComparison.Ordinal);
        Assert.True(packages[1].Editable);
        Assert.Equal("git+https://github.com/psf/requests.git@0e322af87745eff34caffe4df68456ebc20d9068", packages[2].Url);
        Assert.Equal(["socks"], packages[2].Extras);
    }

    [Fact]
    public void ReadersRegistry_NotToml_ErrorWithFileAndLine()
    {
        var directory = Directory.CreateTempSubdirectory("pyfleet-lock-").FullName;
        var file = Path.Combine(directory, "uv.lock");
        File.WriteAllText(file, "version = 1\n[[package]\nname = 'x'\n");

        var ex = Assert.ThrowsAny<Errors.PyfleetException>(() => ManifestReaders.Read(file));

        Assert.Equal((file, 2), (ex.Path, ex.Line));
    }

    [Fact]
    public void ReadersRegistry_BrokenJson_ErrorWithLine()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pyfleet-lock-").FullName, "Pipfile.lock");
        File.WriteAllText(file, "{\n \"default\": {\n  \"x\": {\"version\": \"==1\",}\n }\n}\n");

        var ex = Assert.ThrowsAny<Errors.PyfleetException>(() => ManifestReaders.Read(file));

        Assert.Equal(3, ex.Line);
    }
}
