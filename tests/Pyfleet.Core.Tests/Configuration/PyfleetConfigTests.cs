using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Tests.Configuration;

public sealed class PyfleetConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-config-").FullName;

    [Fact]
    public void GetString_EnvironmentOverridesFile()
    {
        var config = Load("[osv]\nsource = \"/srv/osv/all.zip\"\n", new() { ["PYFLEET_OSV_SOURCE"] = "/mnt/osv.zip" });
        Assert.Equal("/mnt/osv.zip", config.GetString("osv.source"));
    }

    [Fact]
    public void GetString_ReadsDottedKeyFromFile()
    {
        var config = Load("[osv]\nmax-age-days = 3\nsource = \"/srv/osv/all.zip\"\n");
        Assert.Equal("/srv/osv/all.zip", config.GetString("osv.source"));
        Assert.Equal(3, config.GetInteger("osv.max-age-days", 7));
        Assert.Equal(7, config.GetInteger("osv.missing", 7));
    }

    [Fact]
    public void GetList_AcceptsArrayOrCommaSeparatedEnvironment()
    {
        Assert.Equal(["a", "b"], Load("[lint]\ndisable = [\"a\", \"b\"]\n").GetList("lint.disable"));
        Assert.Equal(["x", "y"], Load("", new() { ["PYFLEET_LINT_DISABLE"] = "x, y" }).GetList("lint.disable"));
    }

    [Fact]
    public void GetString_WrongType_NamesFileAndLine()
    {
        var config = Load("\n[osv]\nsource = [1, 2]\n");
        var ex = Assert.Throws<PyfleetException>(() => config.GetString("osv.source"));
        Assert.Equal(3, ex.Line);
        Assert.EndsWith("config.toml", ex.Path);
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        var config = PyfleetConfig.Load(new PyfleetHome(_folder), _ => null);
        Assert.Null(config.Path);
        Assert.Null(config.GetString("osv.source"));
    }

    [Fact]
    public void EnvironmentVariableFor_MapsDotsAndDashes()
    {
        Assert.Equal("PYFLEET_EOL_WARN_DAYS", PyfleetConfig.EnvironmentVariableFor("eol.warn-days"));
    }

    private PyfleetConfig Load(string toml, Dictionary<string, string>? environment = null)
    {
        var home = new PyfleetHome(_folder);
        File.WriteAllText(home.ConfigPath, toml);
        return PyfleetConfig.Load(home, name => environment is not null && environment.TryGetValue(name, out var v) ? v : null);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
