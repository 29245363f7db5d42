using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Tests.Support;

namespace Pyfleet.Packaging.Tests.Markers;

public sealed class MarkerTests
{
    public static TheoryData<string, string, string, string, string> Evaluations()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var row in Fixture.Rows("Markers/evaluate.tsv"))
        {
            data.Add(row[0], row[1], row[2], row[3], row[4]);
        }

        return data;
    }

    // Dependency specifiers, "Environment markers": version fields compare as PEP 440 specifiers (pre-releases
    // allowed), other fields as strings (< and > false, <= and >= equality); extra names are normalised (PEP 685).
    [Theory]
    [MemberData(nameof(Evaluations))]
    public void Evaluate_Environment_MatchesPackaging(string marker, string python, string platform, string extras, string expected)
    {
        var parsed = Marker.Parse(marker);
        var environment = MarkerEnvironment.For(python, platform);
        var requested = extras.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (expected == "error")
        {
            Assert.Throws<MarkerEvaluationException>(() => parsed.Evaluate(environment, requested));
            Assert.False(parsed.TryEvaluate(environment, requested, out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
            return;
        }

        Assert.Equal(bool.Parse(expected), parsed.Evaluate(environment, requested));
    }

    public static TheoryData<string, string, string> Overrides()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Fixture.Rows("Markers/evaluate-overrides.tsv"))
        {
            data.Add(row[0], row[1], row[2]);
        }

        return data;
    }

    // packaging's own evaluation vectors, with the environment overridden field by field.
    [Theory]
    [MemberData(nameof(Overrides))]
    public void Evaluate_OverriddenEnvironment_MatchesPackagingTests(string marker, string overrides, string expected)
    {
        var environment = MarkerEnvironment.For("3.12");
        foreach (var pair in overrides.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            environment = key switch
            {
                "os_name" => environment with { OsName = value },
                "sys_platform" => environment with { SysPlatform = value },
                "platform_version" => environment with { PlatformVersion = value },
                "platform_machine" => environment with { PlatformMachine = value },
                "platform_python_implementation" => environment with { PlatformPythonImplementation = value },
                "python_version" => environment with { PythonVersion = value },
                "python_full_version" => environment with { PythonFullVersion = value },
                _ => throw new InvalidOperationException(key),
            };
        }

        var parsed = Marker.Parse(marker);
        if (expected == "error")
        {
            Assert.Throws<MarkerEvaluationException>(() => parsed.Evaluate(environment));
            return;
        }

        Assert.Equal(bool.Parse(expected), parsed.Evaluate(environment));
    }

    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Fixture.Rows("Markers/format.tsv"))
        {
            data.Add(row[0], row[1]);
        }

        return data;
    }

    // packaging's str(Marker): one space around operators, double quotes, aliases resolved, redundant parentheses dropped.
    [Theory]
    [MemberData(nameof(Formats))]
    public void ToString_Marker_IsCanonical(string marker, string expected)
    {
        Assert.Equal(expected, Marker.Parse(marker).ToString());
        Assert.Equal(expected, Marker.Parse(expected).ToString());
    }

    public static TheoryData<string> Invalid() => Fixture.Lines("Markers/invalid.txt");

    // Grammar: marker_expr = marker_var marker_op marker_var, joined by and/or with parentheses; no chaining.
    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidMarker_ReturnsErrorWithColumn(string marker)
    {
        Assert.False(Marker.TryParse(marker, out _, out var error));
        Assert.Contains("column", error, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ShortAndFullVersions_FillsVersionFields()
    {
        var shortForm = MarkerEnvironment.For("3.11", "win32");
        Assert.Equal(("3.11", "3.11.0", "nt", "Windows"), (shortForm.PythonVersion, shortForm.PythonFullVersion, shortForm.OsName, shortForm.PlatformSystem));
        var full = MarkerEnvironment.For("3.13.0rc1", "darwin");
        Assert.Equal(("3.13", "3.13.0rc1", "darwin"), (full.PythonVersion, full.PythonFullVersion, full.SysPlatform));
        Assert.Throws<ArgumentException>(() => MarkerEnvironment.For("three"));
    }

    [Fact]
    public void TryParse_HostileNesting_FailsWithoutStackOverflow()
    {
        var deep = new string('(', 100_000) + "os_name == 'x'" + new string(')', 100_000);
        Assert.False(Marker.TryParse(deep, out _, out var error));
        Assert.Contains("nested deeper", error, StringComparison.Ordinal);
        var fine = new string('(', 50) + "os_name == 'x'" + new string(')', 50);
        Assert.Equal("os_name == \"x\"", Marker.Parse(fine).ToString());
    }

    [Fact]
    public void Evaluate_SourceBuildFullVersion_RepairedToLocalVersion()
    {
        var environment = MarkerEnvironment.For("3.15") with { PythonFullVersion = "3.15.0+" };
        Assert.True(Marker.Parse("python_full_version >= '3.15'").Evaluate(environment));
    }
}
