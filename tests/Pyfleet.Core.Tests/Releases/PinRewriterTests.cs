using Pyfleet.Core.Errors;
using Pyfleet.Core.Releases.Fixing;

namespace Pyfleet.Core.Tests.Releases;

public sealed class PinRewriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyfleet-pins-").FullName;

    private const string Requirements =
        "# production pins\r\n" +
        "-r base.txt\r\n" +
        "--index-url https://pypi.org/simple/\r\n" +
        "Django==3.2.12 ; python_version >= \"3.8\"  # web\r\n" +
        "requests>=2.8,<3\r\n" +
        "sqlparse==0.4.2 \\\r\n" +
        "    --hash=sha256:aaaa \\\r\n" +
        "    --hash=sha256:bbbb\r\n" +
        "mypkg @ https://example.org/mypkg-1.0.tar.gz\r\n";

    /// <summary>Writes <paramref name="text"/> as req.txt (and an empty base.txt it may include) and reads its pins.</summary>
    private PinnedFile Read(string text, params (string Name, string Text)[] others)
    {
        File.WriteAllText(Path.Combine(_dir, "base.txt"), "");
        foreach (var (name, content) in others)
        {
            File.WriteAllText(Path.Combine(_dir, name), content);
        }

        var path = Path.Combine(_dir, "req.txt");
        File.WriteAllText(path, text);
        return RequirementsPinReader.Read(path, text).File;
    }

    [Fact]
    public void Read_RequirementsFile_FindsOnlyExactPins()
    {
        var file = Read(Requirements);
        Assert.Equal([("django", "3.2.12", 3, false), ("sqlparse", "0.4.2", 5, true)], file.Pins.Select(p => (p.Name, p.Version, p.Line, p.HasHashes)));
        Assert.Equal(7, file.Pins[1].LastLine);
    }

    [Fact]
    public void Apply_VersionAndHashes_KeepsEverythingElseByteForByte()
    {
        var file = Read(Requirements);
        var text = PinRewriter.Apply(file, [new PinEdit(file.Pins[0], "3.2.25", null), new PinEdit(file.Pins[1], "0.4.4", ["sha256:cccc", "sha256:dddd", "sha256:eeee"])]);
        Assert.Equal(
            "# production pins\r\n-r base.txt\r\n--index-url https://pypi.org/simple/\r\n" +
            "Django==3.2.25 ; python_version >= \"3.8\"  # web\r\nrequests>=2.8,<3\r\n" +
            "sqlparse==0.4.4 \\\r\n    --hash=sha256:cccc \\\r\n    --hash=sha256:dddd \\\r\n    --hash=sha256:eeee\r\n" +
            "mypkg @ https://example.org/mypkg-1.0.tar.gz\r\n", text);
    }

    [Fact]
    public void Apply_InlineHashes_StayInline()
    {
        var file = Read("six==1.15.0 --hash=sha256:aaaa\n");
        var text = PinRewriter.Apply(file, [new PinEdit(file.Pins[0], "1.16.0", ["sha256:bbbb"])]);
        Assert.Equal("six==1.16.0 --hash=sha256:bbbb\n", text);
    }

    [Theory]
    [InlineData("--install-option=--prefix=/x\n", 1)]
    [InlineData("ok==1.0\nDjango=3.2\n", 2)]
    [InlineData("six==1.0 --hash=md5:abcd\n", 1)]
    [InlineData("six==1.0 ; python_version < \"3.8\n", 1)]
    public void Read_Unparsable_RefusesWithLine(string text, int line)
    {
        var error = Assert.Throws<PyfleetException>(() => Read(text));
        Assert.Equal(line, error.Line);
        Assert.Equal(Path.Combine(_dir, "req.txt"), error.Path);
    }

    [Fact]
    public void Read_ErrorInIncludedFile_RefusesWithThatFileAndLine()
    {
        var error = Assert.Throws<PyfleetException>(() => Read("six==1.0\n-r other.txt\n", ("other.txt", "ok==1.0\n--bogus\n")));
        Assert.Equal(Path.Combine(_dir, "other.txt"), error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Read_IncludedPinsAndConstraints_OnlyTopLevelPinsLocated()
    {
        var file = Read("-r other.txt\n-c constraints.txt\nsix==1.0\n", ("other.txt", "django==3.2.12\n"), ("constraints.txt", "numpy==1.24.0\n"));
        Assert.Equal([("six", "1.0", 2)], file.Pins.Select(p => (p.Name, p.Version, p.Line)));
    }

    [Fact]
    public void Read_ContinuationsCommentsAndPythonLineBreaks_LinesMatchParser()
    {
        // \f is a line break for pip (str.splitlines); "===" and "==1.*" are not editable pins.
        var file = Read("a===1.0\fb==1.*\n# c==9 \\\nsix \\\n  == 1.16.0 ; python_version > \"3\"\r\nx==2.0\n");
        Assert.Equal([("six", "1.16.0", 4, 4), ("x", "2.0", 5, 5)], file.Pins.Select(p => (p.Name, p.Version, p.Line, p.LastLine)));
        Assert.Equal(5, file.Pins[0].Column);
    }

    [Fact]
    public void Read_VersionFromEnvironmentVariable_RefusedAsNotLocatable()
    {
        Environment.SetEnvironmentVariable("PYFLEET_PIN_TEST_VERSION", "1.0");
        var error = Assert.Throws<PyfleetException>(() => Read("six==${PYFLEET_PIN_TEST_VERSION}\n"));
        Assert.Equal(1, error.Line);
        Assert.Contains("cannot locate", error.Message);
    }

    [Fact]
    public void Decode_BomAndInvalidUtf8_BomReportedInvalidRefused()
    {
        Assert.Equal(("six==1.0\n", true), RequirementsPinReader.Decode("r.txt", [0xEF, 0xBB, 0xBF, .. "six==1.0\n"u8]));
        Assert.Throws<PyfleetException>(() => RequirementsPinReader.Decode("r.txt", [0x73, 0xFF, 0x0A]));
    }

    [Fact]
    public void Buildout_ReadAndApply_EditsOnlyVersionsSection()
    {
        const string cfg = "[buildout]\nversions = pins\n\n[pins]\n# web\nDjango = 3.2.12\nzope.interface = ==5.4.0\nsix = >=1.0\n\n[other]\nDjango = 1.0\n";
        var file = BuildoutPinReader.Read("versions.cfg", cfg);
        Assert.Equal([("django", "3.2.12"), ("zope-interface", "5.4.0")], file.Pins.Select(p => (p.Name, p.Version)));
        var text = PinRewriter.Apply(file, [new PinEdit(file.Pins[0], "3.2.25", null), new PinEdit(file.Pins[1], "5.5.2", null)]);
        Assert.Equal(cfg.Replace("Django = 3.2.12", "Django = 3.2.25").Replace("==5.4.0", "==5.5.2"), text);
    }

    [Fact]
    public void Buildout_InlineComment_PinReadCommentKept()
    {
        // zc.buildout drops a '#' or ';' comment that follows whitespace (issue 11 §1).
        var file = BuildoutPinReader.Read("versions.cfg", "[versions]\nDjango = 3.2.12 # keep\npytz = 2010h ; old\n");
        Assert.Equal([("django", "3.2.12")], file.Pins.Select(p => (p.Name, p.Version)));
        Assert.Equal("[versions]\nDjango = 3.2.25 # keep\npytz = 2010h ; old\n", PinRewriter.Apply(file, [new PinEdit(file.Pins[0], "3.2.25", null)]));
    }

    [Fact]
    public void UnifiedDiff_ChangedLines_ShowsHunkWithContext()
    {
        var diff = UnifiedDiff.Create("req.txt", "a\nb==1\nc\n", "a\nb==2\nc\n");
        Assert.Equal("--- a/req.txt\n+++ b/req.txt\n@@ -1,3 +1,3 @@\n a\n-b==1\n+b==2\n c\n", diff);
        Assert.Equal("", UnifiedDiff.Create("req.txt", "same\n", "same\n"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
