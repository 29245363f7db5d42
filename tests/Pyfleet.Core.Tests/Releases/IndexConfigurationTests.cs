using Pyfleet.Core.Releases.Indexes;

namespace Pyfleet.Core.Tests.Releases;

public sealed class IndexConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-idx-").FullName;

    [Fact]
    public void Resolve_PipConfAndNetrc_CredentialsAttachedButNeverShown()
    {
        var conf = Path.Combine(_dir, "pip.conf");
        File.WriteAllText(conf, "[global]\nindex-url = https://mirror.example/simple\nextra-index-url =\n    https://a.example/simple/\n    https://b.example/simple/\n[install]\nindex_url = https://inner.example/root/simple\n");
        File.WriteAllText(Path.Combine(_dir, ".netrc"), "machine inner.example login bob password hunter2\n");
        var env = new Dictionary<string, string?> { ["NETRC"] = Path.Combine(_dir, ".netrc") };
        var config = IndexConfiguration.Resolve(null, [], n => env.GetValueOrDefault(n), [conf]);
        Assert.Equal("https://inner.example/root/simple/", config.Primary.Url.AbsoluteUri);
        Assert.Equal("bob", config.Primary.Credential!.UserName);
        Assert.Equal("https://bob:****@inner.example/root/simple/", config.Primary.Display);
        Assert.DoesNotContain("hunter2", config.Primary.ToString());
        Assert.Equal(["https://a.example/simple/", "https://b.example/simple/"], config.Extras.Select(e => e.Display));
    }

    [Fact]
    public void Resolve_EnvironmentBeatsPipConf_OptionBeatsEnvironment()
    {
        var conf = Path.Combine(_dir, "pip.conf");
        File.WriteAllText(conf, "[global]\nindex-url = https://conf.example/simple\n");
        var env = new Dictionary<string, string?> { ["PIP_INDEX_URL"] = "https://user:tok@env.example/simple", ["PIP_EXTRA_INDEX_URL"] = "https://x.example/s https://y.example/s" };
        var fromEnv = IndexConfiguration.Resolve(null, [], n => env.GetValueOrDefault(n), [conf]);
        Assert.Equal("https://user:****@env.example/simple/", fromEnv.Primary.Display);
        Assert.Equal(2, fromEnv.Extras.Count);
        var fromOption = IndexConfiguration.Resolve("http://127.0.0.1:1/simple", ["http://127.0.0.1:2/simple"], n => env.GetValueOrDefault(n), [conf]);
        Assert.Equal("http://127.0.0.1:1/simple/", fromOption.Primary.Display);
        Assert.Single(fromOption.Extras);
    }

    [Fact]
    public void Netrc_DefaultEntryAndMacdef_Parsed()
    {
        var netrc = Netrc.Parse("macdef init\ncd /x\n\nmachine a.example\n  login u\n  password p\ndefault login anon password none\n");
        Assert.Equal(new NetrcEntry("u", "p"), netrc.For("a.example"));
        Assert.Equal("anon", netrc.For("other.example")!.Login);
        Assert.Equal("u:****", netrc.For("a.example")!.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
