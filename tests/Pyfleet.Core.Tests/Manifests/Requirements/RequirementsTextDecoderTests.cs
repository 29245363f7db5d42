using System.Text;
using Pyfleet.Core.Manifests.Requirements.Internal;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

public sealed class RequirementsTextDecoderTests
{
    [Fact]
    public void Detect_Utf16LittleEndianBom_SkipsTwoBytes()
    {
        var (encoding, skip, _) = RequirementsTextDecoder.Detect([0xFF, 0xFE, (byte)'s', 0]);
        Assert.Equal(2, skip);
        Assert.Equal("s", encoding.GetString([(byte)'s', 0]));
    }

    [Fact]
    public void Detect_Utf32LittleEndianBom_WinsOverUtf16()
    {
        var (encoding, skip, _) = RequirementsTextDecoder.Detect([0xFF, 0xFE, 0, 0]);
        Assert.Equal(4, skip);
        Assert.IsType<UTF32Encoding>(encoding);
    }

    [Fact]
    public void Detect_Pep263OnSecondLine_UsesDeclaredEncoding()
    {
        var (encoding, _, declared) = RequirementsTextDecoder.Detect("#!x\n# -*- coding: latin-1 -*-\n"u8);
        Assert.Equal("latin-1", declared);
        Assert.Equal("é", encoding.GetString([0xE9]));
    }

    [Fact]
    public void Detect_CodingOnThirdLineOrNotAComment_Ignored()
    {
        Assert.Null(RequirementsTextDecoder.Detect("a\nb\n# coding: latin-1\n"u8).Declared);
        Assert.Null(RequirementsTextDecoder.Detect("x # coding: latin-1\n"u8).Declared);
    }
}
