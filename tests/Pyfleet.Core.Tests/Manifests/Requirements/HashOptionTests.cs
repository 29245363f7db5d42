using Pyfleet.Core.Manifests.Requirements.Internal;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

public sealed class HashOptionTests
{
    [Theory]
    [InlineData("sha1:0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33", "Allowed hash algorithms")]
    [InlineData("md5:abc", "Allowed hash algorithms")]
    [InlineData("sha256", "must be a hash name followed by a value")]
    public void Validate_PipRejects_ReturnsError(string value, string message)
    {
        Assert.Contains(message, HashOption.Validate(value, out _), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("sha384:zz")]
    [InlineData("sha256:gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg")]
    public void Validate_BadDigest_PipAcceptsButWarns(string value)
    {
        Assert.Null(HashOption.Validate(value, out var warning));
        Assert.Contains("hexadecimal", warning, StringComparison.Ordinal);
        Assert.False(HashOption.IsWellFormed(value));
    }

    [Fact]
    public void Validate_WellFormedSha512_NoErrorNoWarning()
    {
        Assert.True(HashOption.IsWellFormed("sha512:" + new string('0', 128)));
    }
}
