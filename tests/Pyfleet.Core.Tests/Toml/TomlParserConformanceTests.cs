using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Pyfleet.Core.Toml;

namespace Pyfleet.Core.Tests.Toml;

/// <summary>
/// Differential tests: every fixture must read exactly as CPython's <c>tomllib</c> (TOML 1.0) reads it —
/// same values and types for valid files, a rejection for invalid ones.
/// </summary>
public sealed class TomlParserConformanceTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Toml");

    public static TheoryData<string> ValidFiles() => Files("valid");

    public static TheoryData<string> InvalidFiles() => Files("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void ValidDocument_ReadsTheSameValuesAsTomllib(string name)
    {
        var path = Path.Combine(FixtureRoot, "valid", name);
        var (exit, output) = RunTomllib(path);
        Assert.True(exit == 0, $"tomllib rejected the fixture: {output}");
        var expected = JsonNode.Parse(output)!;

        var actual = Tag(TomlParser.ParseFile(path));

        AssertSame(expected, actual, "$");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void InvalidDocument_IsRejectedWithALineNumber_AsTomllibRejectsIt(string name)
    {
        var path = Path.Combine(FixtureRoot, "invalid", name);
        var (exit, _) = RunTomllib(path);
        Assert.Equal(1, exit);

        var ex = Assert.Throws<TomlException>(() => TomlParser.ParseFile(path));
        Assert.Equal(path, ex.Path);
        Assert.InRange(ex.Line!.Value, 1, File.ReadAllLines(path).Length + 1);
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(FixtureRoot, folder), "*.toml").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static (int Exit, string Output) RunTomllib(string path)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(FixtureRoot, "toml_to_tagged_json.py"));
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static JsonNode Tag(TomlNode node) => node switch
    {
        TomlTable table => new JsonObject(table.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Tag(kv.Value)))),
        TomlArray array => new JsonArray(array.Select(item => (JsonNode?)Tag(item)).ToArray()),
        TomlValue value => new JsonObject { ["type"] = TypeName(value.Kind), ["value"] = Text(value) },
        _ => throw new InvalidOperationException(),
    };

    private static string TypeName(TomlValueKind kind) => kind switch
    {
        TomlValueKind.String => "string",
        TomlValueKind.Integer => "integer",
        TomlValueKind.Float => "float",
        TomlValueKind.Boolean => "bool",
        TomlValueKind.OffsetDateTime => "datetime",
        TomlValueKind.LocalDateTime => "datetime-local",
        TomlValueKind.LocalDate => "date-local",
        _ => "time-local",
    };

    private static string Text(TomlValue value) => value.Value switch
    {
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => "nan",
        double d when double.IsInfinity(d) => d > 0 ? "inf" : "-inf",
        _ => value.ToString(),
    };

    private static void AssertSame(JsonNode expected, JsonNode actual, string where)
    {
        switch (expected)
        {
            case JsonObject e when e.ContainsKey("type") && e["type"] is JsonValue && e.Count == 2 && e.ContainsKey("value"):
                var type = e["type"]!.GetValue<string>();
                Assert.True(actual is JsonObject, $"{where}: expected a {type}");
                Assert.Equal(type, actual["type"]?.GetValue<string>());
                var ev = e["value"]!.GetValue<string>();
                var av = actual["value"]!.GetValue<string>();
                if (type == "float" && ev is not ("nan" or "inf" or "-inf"))
                {
                    Assert.Equal(double.Parse(ev, CultureInfo.InvariantCulture), double.Parse(av, CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.True(ev == av, $"{where}: expected {ev}, got {av}");
                }

                return;
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.Equal(e.Select(kv => kv.Key).Order(), a.Select(kv => kv.Key).Order());
                foreach (var (key, value) in e)
                {
                    AssertSame(value!, a[key]!, $"{where}.{key}");
                }

                return;
            case JsonArray e:
                var arr = Assert.IsType<JsonArray>(actual);
                Assert.Equal(e.Count, arr.Count);
                for (var i = 0; i < e.Count; i++)
                {
                    AssertSame(e[i]!, arr[i]!, $"{where}[{i}]");
                }

                return;
        }
    }
}
