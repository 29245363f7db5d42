using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests;

namespace Pyfleet.Core.Tests.Manifests.Locks;

/// <summary>Issue 11 §2: lock files read as their tools read them (markers, extras, the project itself).</summary>
public sealed class LockSemanticsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-locks-").FullName;

    [Fact]
    public void PoetryLock_OldSingularMarker_Kept()
    {
        var result = Read("poetry.lock", "[[package]]\nname = \"pywin32\"\nversion = \"306\"\ncategory = \"main\"\noptional = false\npython-versions = \"*\"\nmarker = \"sys_platform == \\\"win32\\\"\"\n\n[metadata]\nlock-version = \"1.0\"\ncontent-hash = \"abc\"\n");

        Assert.Equal("sys_platform == \"win32\"", result.Packages.Single().Marker);
    }

    [Fact]
    public void UvLock_EdgeMarkers_PropagateToPackagesAndRootListed()
    {
        const string text = """
            version = 1
            requires-python = ">=3.11"

            [[package]]
            name = "app"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [
                { name = "click" },
                { name = "pywin32", marker = "sys_platform == 'win32'" },
            ]

            [[package]]
            name = "click"
            version = "8.1.7"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "colorama", marker = "platform_system == 'Windows'" }]

            [[package]]
            name = "colorama"
            version = "0.4.6"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "pywin32"
            version = "306"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [{ name = "colorama" }]
            """;

        var packages = Read("uv.lock", text).Packages.ToDictionary(p => p.Name);

        Assert.Null(packages["click"].Marker);
        Assert.Equal("sys_platform == 'win32'", packages["pywin32"].Marker);
        Assert.Equal("(platform_system == 'Windows') or (sys_platform == 'win32')", packages["colorama"].Marker);
        Assert.True(packages["app"].Editable);
        Assert.Equal(".", packages["app"].Url);
    }

    [Fact]
    public void PdmLock_Extras_Kept()
    {
        var result = Read("pdm.lock", "[metadata]\ngroups = [\"default\"]\nlock_version = \"4.4\"\n\n[[package]]\nname = \"requests\"\nversion = \"2.31.0\"\nextras = [\"socks\"]\n");

        Assert.Equal(["socks"], result.Packages.Single().Extras);
    }

    private PythonEnvironment Read(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        var result = ManifestReaders.Read(path);
        Assert.Empty(result.Environment.Errors);
        return result.Environment;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
