using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Scanning;
using Pyfleet.Core.Tests.Manifests.Requirements;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Tests.Manifests.RealWorld;

/// <summary>
/// Issue 11 proof: <c>scan FILE --format json</c> (scanner → inventory JSON → read back) on real repository files,
/// field by field against the tools' own readers run here: pip's parser for requirements files, configparser with
/// buildout's inline-comment rule for versions.cfg, tomllib/json for lock files (<c>Fixtures/RealWorld/SOURCES.md</c>).
/// A file the tool refuses must be an error for us on the same line, with what precedes it still reported.
/// </summary>
public sealed partial class RealWorldParityTests
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "RealWorld");

    [Theory]
    [InlineData("vllm/requirements/cuda.txt")]
    [InlineData("pytorch-serve/requirements/developer.txt")]
    [InlineData("addons-server/requirements/pip.txt")]
    [InlineData("home-assistant/requirements.txt")]
    [InlineData("edx-platform/requirements/edx/coverage.in")]
    public void ScanJson_RequirementsFile_MatchesPipFieldByField(string fixture)
    {
        var file = Path.Combine(Root, fixture);
        var pip = Run(Path.Combine(PipReference.FixtureRoot, "pip_parse.py"), file).GetProperty("results")[0];
        var environment = ScanJson(file, out var documentErrors);
        Assert.Empty(documentErrors);

        var expected = pip.GetProperty("requirements").EnumerateArray().ToList();
        var ours = environment.Packages.Concat(environment.Constraints).ToList();
        if (pip.GetProperty("error") is { ValueKind: JsonValueKind.Object } error)
        {
            // pip stops at the first error; we report it on the same line and go on reading the rest.
            var ourError = Assert.Single(environment.Errors);
            Assert.Equal(error.GetProperty("line").GetInt32(), ourError.Line);
            Assert.True(ours.Count >= expected.Count);
        }
        else
        {
            Assert.Empty(environment.Errors);
            Assert.Equal(expected.Count, ours.Count);
        }

        var byOrigin = ours.ToDictionary(p => (Path.GetFileName(p.Origin![..p.Origin!.LastIndexOf(':')]), int.Parse(p.Origin[(p.Origin.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var requirement in expected)
        {
            var key = (Path.GetFileName(requirement.GetProperty("file").GetString()!), requirement.GetProperty("line").GetInt32());
            Assert.True(byOrigin.TryGetValue(key, out var package), $"{key}: pip reads a requirement here, we do not");
            var where = package.Origin;
            Assert.True(PackageName.Normalize(requirement.GetProperty("name").GetString()!) == package.Name, $"{where}: name");
            Assert.True(Specifiers(requirement.GetProperty("specifier").GetString()) == Specifiers(package.Specifier), $"{where}: specifier {requirement.GetProperty("specifier")} / {package.Specifier}");
            Assert.True(Compact(requirement.GetProperty("marker").GetString()) == Compact(package.Marker), $"{where}: marker {requirement.GetProperty("marker")} / {package.Marker}");
            Assert.Equal(requirement.GetProperty("extras").EnumerateArray().Select(e => PackageName.Normalize(e.GetString()!)).Order(), package.Extras.Select(PackageName.Normalize).Order());
            Assert.Equal(requirement.GetProperty("hashes").EnumerateArray().Select(h => h.GetString()!).Order(), package.Hashes.Order());
            Assert.True(requirement.GetProperty("constraint").GetBoolean() == environment.Constraints.Contains(package), $"{where}: constraint");
            Assert.True(requirement.GetProperty("url").GetString() == package.Url, $"{where}: url");
        }
    }

    [Theory]
    [InlineData("zope/versions.cfg")]
    [InlineData("plone/versions.cfg")]
    public void ScanJson_BuildoutVersions_MatchesBuildoutsParser(string fixture)
    {
        var file = Path.Combine(Root, fixture);
        var expected = Run(Path.Combine(Root, "oracle.py"), "buildout", file).GetProperty("pins").EnumerateArray()
            .Select(p => (Name: PackageName.Normalize(p[1].GetString()!), Value: p[2].GetString()!))
            .Where(p => p.Value.Length > 0)
            .Select(p => (p.Name, Version: p.Value.StartsWith("==", StringComparison.Ordinal) ? p.Value[2..].Trim() : p.Value))
            .Order().ToList();
        var environment = ScanJson(file, out var documentErrors);

        Assert.Empty(documentErrors);
        Assert.Empty(environment.Errors);
        Assert.Equal(EnvironmentKinds.Buildout, environment.Kind);
        Assert.Equal(expected, environment.Packages.Select(p => (p.Name, p.Version!)).Order().ToList());
    }

    [Theory]
    [InlineData("UvLock/uv.lock")]
    [InlineData("PoetryLock/v1/poetry.lock")]
    [InlineData("PoetryLock/v2/poetry.lock")]
    [InlineData("PdmLock/pdm.lock")]
    [InlineData("PyLock/pylock.toml")]
    [InlineData("PipfileLock/Pipfile.lock")]
    public void ScanJson_LockFile_MatchesTomllib(string fixture)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Manifests", fixture);
        var expected = Run(Path.Combine(Root, "oracle.py"), "lock", file).GetProperty("packages").EnumerateArray()
            .Select(p => (PackageName.Normalize(p[0].GetString()!), p[1].GetString())).Order().ToList();

        var environment = ScanJson(file, out _);

        Assert.Equal(expected, environment.Packages.Select(p => (p.Name, p.Version)).Order().ToList());
    }

    // What `pyfleet scan FILE --format json` prints, read back as a consumer would.
    private static PythonEnvironment ScanJson(string file, out IReadOnlyList<InputError> documentErrors)
    {
        var scan = new EnvironmentScanner().Scan(new ScanOptions { Paths = [file] });
        var document = InventoryJson.Deserialize(InventoryJson.Serialize(scan));
        documentErrors = document.Errors;
        return document.Environments.Single();
    }

    private static JsonElement Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(arguments[^1])! };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static string? Specifiers(string? text) =>
        string.IsNullOrEmpty(text) ? null : string.Join(",", text.Split(',').Select(s => Whitespace().Replace(s, "")).Order(StringComparer.Ordinal));

    private static string? Compact(string? marker) => marker is null ? null : Whitespace().Replace(marker, "").Replace('\'', '"');

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
