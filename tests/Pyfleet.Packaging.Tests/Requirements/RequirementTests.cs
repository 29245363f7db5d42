using Pyfleet.Packaging.Requirements;
using Pyfleet.Packaging.Tests.Support;

namespace Pyfleet.Packaging.Tests.Requirements;

public sealed class RequirementTests
{
    public static TheoryData<string, string, string, string, string, string, string> Valid()
    {
        var data = new TheoryData<string, string, string, string, string, string, string>();
        foreach (var row in Fixture.Rows("Requirements/valid.tsv"))
        {
            data.Add(row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
        }

        return data;
    }

    // Dependency specifiers grammar: name [extras] (versionspec | @ URI) [; marker]; a URI runs to whitespace,
    // so "name@url;marker" keeps the marker in the URL (FORMATS.md §2.2).
    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_Requirement_SplitsParts(string text, string name, string normalized, string extras, string specifier, string url, string marker)
    {
        Assert.True(Requirement.TryParse(text, out var requirement, out var error), error);
        Assert.Equal(name, requirement.Name);
        Assert.Equal(normalized, requirement.NormalizedName);
        Assert.Equal(extras, string.Join(",", requirement.Extras));
        Assert.Equal(specifier, requirement.Specifier.ToString());
        Assert.Equal(url.Length == 0 ? null : url, requirement.Url);
        Assert.Equal(marker.Length == 0 ? null : marker, requirement.Marker?.ToString());
        Assert.True(Requirement.TryParse(requirement.ToString(), out var again, out _), requirement.ToString());
        Assert.Equal(requirement.ToString(), again.ToString());
    }

    public static TheoryData<string, int> Invalid()
    {
        var data = new TheoryData<string, int>();
        foreach (var row in Fixture.Rows("Requirements/invalid.tsv"))
        {
            data.Add(row[0], int.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    // packaging reports the span of a syntax error; we report its start as a 1-based column.
    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidRequirement_ReportsColumn(string text, int column)
    {
        Assert.False(Requirement.TryParse(text, out _, out var error));
        Assert.Contains($"at column {column}:", error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Requirement.Parse(text));
    }

    // tests/test_requirements.py EQUAL_DEPENDENCIES: spellings that packaging considers the same requirement.
    [Theory]
    [InlineData("packaging>20.1", "packaging>20.1")]
    [InlineData("requests[security, tests]>=2.8.1,==2.8.*;python_version<\"2.7\"", "requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"")]
    [InlineData("importlib-metadata; python_version<\"3.8\"", "importlib-metadata; python_version<'3.8'")]
    [InlineData("appdirs>=1.4.4,<2; os_name==\"posix\" and extra==\"testing\"", "appdirs>=1.4.4,<2; os_name == 'posix' and extra == 'testing'")]
    public void ToString_EquivalentSpellings_AreEqual(string left, string right)
    {
        Assert.Equal(Requirement.Parse(left).ToString(), Requirement.Parse(right).ToString());
    }

    [Fact]
    public void NormalizedExtras_MixedSpelling_AreCanonical()
    {
        var requirement = Requirement.Parse("pkg[Foo_Bar,foo.bar,Baz]");
        Assert.Equal(["baz", "foo-bar"], requirement.NormalizedExtras);
    }
}
