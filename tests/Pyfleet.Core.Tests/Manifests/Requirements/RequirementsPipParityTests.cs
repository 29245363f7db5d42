using System.Text.Json;
using System.Text.RegularExpressions;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Requirements;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Tests.Manifests.Requirements;

/// <summary>
/// Our requirements parser against pip's own (<c>pip._internal.req.req_file.parse_requirements</c> +
/// <c>install_req_from_parsed_requirement</c>) on every fixture: names, specifiers, markers, extras, editable,
/// constraint, hashes, URLs, line numbers, and the line of the first error.
/// The machine has pip 23.2; Pyfleet follows current pip (26.x). The differences met by the fixtures are listed in
/// <see cref="KnownDifferences"/> and asserted explicitly (both sides), never skipped.
/// </summary>
public sealed partial class RequirementsPipParityTests(PipReference pip) : IClassFixture<PipReference>
{
    /// <summary>Fixture → why pip 23.2 and pip 26 (which we follow) disagree.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownDifferences = new Dictionary<string, string>
    {
        // pip 23.2 vendors packaging 21.3, which still accepts LegacySpecifier ("==${UNSET_VERSION}");
        // pip >= 24.1 rejects non-PEP 440 specifiers. We report the line as an error.
        [Path.Combine("errors", "unset-variable.txt")] = "legacy specifier",

        // pip 23.2 has no include-cycle check and dies with RecursionError; current pip raises
        // RequirementsFileParseError "... recursively references itself". We report the -r line.
        [Path.Combine("cycle", "a.txt")] = "include cycle",

        // pip < 23.1 has no per-requirement --config-settings / -C in requirements files ("no such option").
        [Path.Combine("syntax", "config-settings.txt")] = "config settings",
    };

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Parse_Fixture_MatchesPip(string fixture)
    {
        var file = Path.Combine(PipReference.FixtureRoot, fixture);
        var reference = pip.For(file);
        var ours = RequirementsParser.Parse(file, new ManifestReadOptions
        {
            GetEnvironment = name => PipReference.Environment.GetValueOrDefault(name),
            WorkingDirectory = Path.GetDirectoryName(file),
        });
        var firstError = ours.Diagnostics.FirstOrDefault(d => d.Severity == ManifestSeverity.Error);
        var pipError = reference.GetProperty("error");

        if (fixture == Path.Combine("syntax", "config-settings.txt") && pip.PipVersion >= new Version(23, 1))
        {
            // Not a difference on this pip: compared like any other fixture below.
        }
        else if (fixture == Path.Combine("syntax", "config-settings.txt"))
        {
            Assert.Null(firstError);
            Assert.Equal(2, pipError.GetProperty("line").GetInt32());
            Assert.Contains("--config-settings", pipError.GetProperty("message").GetString(), StringComparison.Ordinal);
            return;
        }
        else if (KnownDifferences.ContainsKey(fixture))
        {
            Assert.NotNull(firstError);
            if (fixture.StartsWith("cycle", StringComparison.Ordinal))
            {
                Assert.Equal("RecursionError", pipError.GetProperty("type").GetString());
                Assert.Contains("recursively references itself", firstError.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, pipError.ValueKind);
                Assert.Equal(1, firstError.Line);
            }

            return;
        }

        var pipRequirements = reference.GetProperty("requirements").EnumerateArray().ToList();
        if (pipError.ValueKind == JsonValueKind.Null)
        {
            Assert.True(firstError is null, $"pip accepted the file but we report: {firstError}");
            Assert.Equal(pipRequirements.Count, ours.Entries.Count);
        }
        else
        {
            Assert.True(firstError is not null, $"pip rejects line {pipError.GetProperty("line")}: {pipError.GetProperty("message")}");
            Assert.Equal(pipError.GetProperty("line").GetInt32(), firstError.Line);
            Assert.True(ours.Entries.Count >= pipRequirements.Count);
        }

        foreach (var (expected, actual) in pipRequirements.Zip(ours.Entries))
        {
            AssertSame(expected, actual, Path.GetDirectoryName(file)!);
        }
    }

    public static TheoryData<string> FixtureNames() => RequirementsFixtures.Names();

    private static void AssertSame(JsonElement expected, RequirementsEntry actual, string directory)
    {
        var where = $"{actual.Origin}";
        Assert.True(expected.GetProperty("line").GetInt32() == actual.Line, $"{where}: line {expected.GetProperty("line")} expected");
        Assert.Equal(Path.GetFullPath(Path.Combine(directory, expected.GetProperty("file").GetString()!)), actual.Path);
        var name = expected.GetProperty("name").GetString();
        Assert.True((name is null ? null : PackageName.Normalize(name)) == actual.NormalizedName, $"{where}: name {name} expected, got {actual.NormalizedName}");
        Assert.True(Specifiers(expected.GetProperty("specifier").GetString()) == Specifiers(actual.Specifier), $"{where}: specifier {expected.GetProperty("specifier")} expected, got {actual.Specifier}");
        Assert.True(Compact(expected.GetProperty("marker").GetString()) == Compact(actual.Marker), $"{where}: marker {expected.GetProperty("marker")} expected, got {actual.Marker}");
        Assert.Equal(
            expected.GetProperty("extras").EnumerateArray().Select(e => PackageName.Normalize(e.GetString()!)).Order(),
            actual.Extras.Select(PackageName.Normalize).Order());
        Assert.True(expected.GetProperty("editable").GetBoolean() == actual.IsEditable, $"{where}: editable");
        Assert.True(expected.GetProperty("constraint").GetBoolean() == actual.IsConstraint, $"{where}: constraint");
        Assert.Equal(expected.GetProperty("hashes").EnumerateArray().Select(h => h.GetString()!).Order(), actual.Hashes.Order());
        if (expected.GetProperty("url").GetString() is { } url)
        {
            Assert.True(url == actual.Url, $"{where}: url {url} expected, got {actual.Url}");
        }
        else
        {
            Assert.True(actual.Url is null, $"{where}: no url expected, got {actual.Url}");
        }
    }

    // pip prints a SpecifierSet sorted; compare as sets.
    private static string? Specifiers(string? text) =>
        string.IsNullOrEmpty(text) ? null : string.Join(",", text.Split(',').Select(s => Whitespace().Replace(s, "")).Order(StringComparer.Ordinal));

    private static string? Compact(string? marker) => marker is null ? null : Whitespace().Replace(marker, "").Replace('\'', '"');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
