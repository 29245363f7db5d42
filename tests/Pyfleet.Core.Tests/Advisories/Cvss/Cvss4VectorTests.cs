using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Tests.Advisories.Cvss;

/// <summary>Strict v4.0 vector parsing (specification, "Vector String"): typed failures, never exceptions.</summary>
public sealed class Cvss4VectorTests
{
    private const string Base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    [Theory]
    [InlineData(null, Cvss4ParseError.MissingPrefix)]
    [InlineData("", Cvss4ParseError.MissingPrefix)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", Cvss4ParseError.MissingPrefix)]
    [InlineData("cvss:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Cvss4ParseError.MissingPrefix)]
    [InlineData("AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Cvss4ParseError.MissingPrefix)]
    [InlineData(Base + "/", Cvss4ParseError.MalformedComponent)]
    [InlineData("CVSS:4.0/AV:N//AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Cvss4ParseError.MalformedComponent)]
    [InlineData(Base + "/E", Cvss4ParseError.MalformedComponent)]
    [InlineData(Base + "/E:", Cvss4ParseError.MalformedComponent)]
    [InlineData(Base + "/JJ:H", Cvss4ParseError.UnknownMetric)]
    [InlineData(Base + "/RL:O", Cvss4ParseError.UnknownMetric)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:J", Cvss4ParseError.InvalidValue)]
    [InlineData("CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Cvss4ParseError.InvalidValue)]
    [InlineData("CVSS:4.0/AV:n/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Cvss4ParseError.InvalidValue)]
    [InlineData(Base + "/MSC:S", Cvss4ParseError.InvalidValue)]
    [InlineData(Base + "/U:red", Cvss4ParseError.InvalidValue)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SI:H", Cvss4ParseError.DuplicateMetric)]
    [InlineData(Base + "/E:A/E:X", Cvss4ParseError.DuplicateMetric)]
    [InlineData("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", Cvss4ParseError.MissingBaseMetric)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/E:A", Cvss4ParseError.MissingBaseMetric)]
    public void TryParse_InvalidVector_ReturnsTypedError(string? vector, Cvss4ParseError expected)
    {
        Assert.False(Cvss4Vector.TryParse(vector, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Equal(expected, error);
        Assert.False(Cvss4Calculator.TryScore(vector, out var score));
        Assert.Equal(0, score);
    }

    [Theory]
    [InlineData(Base, "CVSS-B")]
    [InlineData(Base + "/E:A", "CVSS-BT")]
    [InlineData(Base + "/E:X", "CVSS-B")]
    [InlineData(Base + "/MAV:L", "CVSS-BE")]
    [InlineData(Base + "/CR:L", "CVSS-BE")]
    [InlineData(Base + "/E:P/AR:M", "CVSS-BTE")]
    [InlineData(Base + "/S:P/AU:Y/U:Amber", "CVSS-B")]
    public void Nomenclature_DefinedGroups_NamesTheScore(string vector, string expected)
    {
        Assert.True(Cvss4Vector.TryParse(vector, out var parsed, out var error));
        Assert.Equal(Cvss4ParseError.None, error);
        Assert.Equal(expected, parsed.Nomenclature);
    }

    [Fact]
    public void Effective_ModifiedMetric_OverridesBaseAndDefaultsAreWorstCase()
    {
        Assert.True(Cvss4Vector.TryParse(Base + "/MAV:P/MVC:X", out var parsed, out _));
        Assert.Equal("P", parsed.Effective("AV"));
        Assert.Equal("H", parsed.Effective("VC"));
        Assert.Equal("A", parsed.Effective("E"));
        Assert.Equal("H", parsed.Effective("CR"));
        Assert.Equal("X", parsed.Get("MSI"));
    }
}
