using System.Text;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Releases;
using Pyfleet.Core.Releases.Simple;

namespace Pyfleet.Core.Tests.Releases;

public sealed class SimpleParserTests
{
    private static readonly Uri _page = new("https://mirror.example/root/simple/zope-interface/");

    [Fact]
    public void Json_ProjectStatusAndYankReason_Read()
    {
        // PEP 792 canonical location plus a PEP 592 reason string; unknown keys ignored.
        const string json = """
            {"meta": {"api-version": "1.4", "_last-serial": 5}, "name": "zope-interface", "x-future": 1,
             "project-status": {"status": "deprecated", "reason": "use something else"},
             "versions": ["5.4.0", "6.0"],
             "files": [
               {"filename": "zope.interface-5.4.0.tar.gz", "url": "../../files/zope.interface-5.4.0.tar.gz", "hashes": {"SHA256": "ABCD"}, "yanked": "bad build"},
               {"filename": "zope_interface-6.0-cp311-cp311-manylinux_2_17_x86_64.whl", "url": "https://files.example/z.whl", "hashes": {}, "requires-python": ">=3.7", "yanked": false}
             ]}
            """;
        var project = SimpleJsonParser.Parse(Encoding.UTF8.GetBytes(json), "zope-interface", _page);
        Assert.Equal(new ProjectStatus("deprecated", "use something else"), project.Status);
        Assert.Equal(["5.4.0", "6.0"], project.Files.Select(f => f.Version));
        Assert.Equal("https://mirror.example/root/files/zope.interface-5.4.0.tar.gz", project.Files[0].Url);
        Assert.Equal("abcd", project.Files[0].Hashes["sha256"]);
        Assert.Equal(("bad build", true), (project.Files[0].YankedReason, project.Files[0].Yanked));
        Assert.False(project.Files[1].Yanked);
    }

    [Fact]
    public void Json_NewerMajorApiVersion_Refused()
    {
        var error = Assert.Throws<PyfleetException>(() => SimpleJsonParser.Parse("""{"meta": {"api-version": "2.0"}, "files": []}"""u8, "x", _page));
        Assert.Contains("2.0", error.Message);
    }

    [Fact]
    public void Json_Truncated_IsPyfleetExceptionNamingUrl()
    {
        var error = Assert.Throws<PyfleetException>(() => SimpleJsonParser.Parse("""{"meta": {"api-version": "1.1"}, "files": [{"filen"""u8, "x", _page));
        Assert.Equal(_page.ToString(), error.Path);
    }

    [Fact]
    public void Html_EscapedRequiresPythonBareYankAndStatusMeta_Read()
    {
        const string html = """
            <html><head><meta name="pypi:project-status" content="archived"><meta name="pypi:project-status-reason" content="moved"></head><body>
            <a href="../../files/zope.interface-5.4.0.tar.gz#sha256=ABCD" data-requires-python="&gt;=3.6, !=3.7.*" data-yanked>zope.interface-5.4.0.tar.gz</a>
            <a href="../">parent</a>
            <a href='https://files.example/zope_interface-6.0-py3-none-any.whl' data-yanked="reason &amp; more">w</a>
            </body></html>
            """;
        var project = SimpleHtmlParser.Parse(html, "zope-interface", _page);
        Assert.Equal(new ProjectStatus("archived", "moved"), project.Status);
        Assert.Equal(2, project.Files.Count);
        Assert.Equal(">=3.6, !=3.7.*", project.Files[0].RequiresPython);
        Assert.True(project.Files[0].Yanked);
        Assert.Null(project.Files[0].YankedReason);
        Assert.Equal("reason & more", project.Files[1].YankedReason);
        Assert.Equal("abcd", project.Files[0].Hashes["sha256"]);
    }

    [Theory]
    [InlineData("Django-3.2.25-py3-none-any.whl", "django", "3.2.25")]
    [InlineData("zope.interface-5.4.0.tar.gz", "zope-interface", "5.4.0")]
    [InlineData("python-dateutil-2.8.2.tar.gz", "python-dateutil", "2.8.2")]
    [InlineData("numpy-1.24.0-1-cp311-cp311-linux_x86_64.whl", "numpy", "1.24.0")]
    [InlineData("other-1.0.tar.gz", "numpy", null)]
    [InlineData("numpy-1.0.exe", "numpy", null)]
    public void DistributionFilename_VersionOf(string filename, string project, string? version) =>
        Assert.Equal(version, DistributionFilename.VersionOf(filename, project));
}
