using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Tests.Toml;

public sealed class TomlParserTests
{
    [Fact]
    public void Parse_RecordsTheLineOfEveryNode()
    {
        var root = TomlParser.Parse("a = 1\n\n[[package]]\nname = \"x\"\nlist = [\n  \"y\",\n]\n");
        Assert.Equal(1, root["a"].Line);
        var package = root.GetArray("package")!.Tables.Single();
        Assert.Equal(3, package.Line);
        Assert.Equal(4, package["name"].Line);
        Assert.Equal(6, package.GetArray("list")![0].Line);
    }

    [Fact]
    public void Parse_DuplicateKey_NamesFileAndLine()
    {
        var ex = Assert.Throws<TomlException>(() => TomlParser.Parse("a = 1\nb = 2\na = 3\n", "pyproject.toml"));
        Assert.Equal("pyproject.toml:3: duplicate key 'a'", ex.Describe());
    }

    [Fact]
    public void Parse_IntegerBeyond64Bits_IsRejected()
    {
        // TOML 1.0: "Arbitrary 64-bit signed integers should be accepted and handled losslessly. If an integer cannot
        // be represented losslessly, an error must be thrown." (tomllib accepts them: Python ints are unbounded.)
        var ex = Assert.Throws<TomlException>(() => TomlParser.Parse("a = 9223372036854775808\n"));
        Assert.Contains("64 bits", ex.Message);
    }

    [Fact]
    public void Parse_KeepsKeyOrder()
    {
        var root = TomlParser.Parse("z = 1\na = 2\nm = 3\n");
        Assert.Equal(["z", "a", "m"], root.Keys);
    }

    [Fact]
    public void GetTablePath_FollowsNestedTables()
    {
        var root = TomlParser.Parse("[tool.poetry.dependencies]\npython = \"^3.9\"\n");
        Assert.Equal("^3.9", root.GetTablePath("tool", "poetry", "dependencies")!.GetString("python"));
        Assert.Null(root.GetTablePath("tool", "uv"));
    }

    [Fact]
    public void ParseFile_InvalidUtf8_IsAnErrorWithItsLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "a = 1\nb = \""u8, 0xFF, .. "\"\n"u8]);
            var ex = Assert.Throws<TomlException>(() => TomlParser.ParseFile(path));
            Assert.Equal(2, ex.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
