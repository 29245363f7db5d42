using System.Text;
using Pyfleet.Core.Scanning.Internal;

namespace Pyfleet.Core.Tests.Scanning;

/// <summary>The header parser follows email.parser (compat32): case-insensitive names, continuation lines, blank line ends headers.</summary>
public sealed class MetadataHeaderReaderTests
{
    [Theory]
    [InlineData("Metadata-Version: 2.1\r\nName: Foo\r\nVersion: 1.0\r\n\r\n", "Foo", "1.0")]
    [InlineData("name:   spaced  \nVERSION:\t2.0b1\n", "spaced", "2.0b1")]
    [InlineData("Summary: x\n  Name: not-a-header\nName: real\nVersion: 3\n", "real", "3")]
    [InlineData("Name: first\nName: second\nVersion: 1\n", "first", "1")]
    [InlineData("Name: last-line-without-newline\nVersion: 9", "last-line-without-newline", "9")]
    public void Parse_ValidHeaders_ReadsNameAndVersion(string text, string name, string version)
    {
        var header = MetadataHeaderReader.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(new MetadataHeader(name, version, null), header);
    }

    [Fact]
    public void Parse_VersionOnlyInBody_IsMissing()
    {
        // A blank line ends the headers: "Version:" in the description body is not metadata.
        var header = MetadataHeaderReader.Parse("Name: x\n\nVersion: 1.0\n"u8);

        Assert.Null(header.Version);
        Assert.Contains("ends its header without Version", header.Problem);
    }

    [Fact]
    public void ReadFile_LongDescriptionAfterHeader_StopsAfterTheFirstChunk()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Metadata-Version: 2.1\nName: big\nVersion: 1.0\n\n" + new string('d', 5_000_000));

            Assert.Equal(new MetadataHeader("big", "1.0", null), MetadataHeaderReader.ReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadFile_HeaderSpanningChunks_IsReadAcrossReads()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Metadata-Version: 2.1\nSummary: " + new string('s', 10_000) + "\nName: late\nVersion: 4.2\n");

            Assert.Equal(new MetadataHeader("late", "4.2", null), MetadataHeaderReader.ReadFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
