using System.Text.Json;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary><c>outdated FILE</c> reads every manifest format through the Manifests readers.</summary>
public sealed class OutdatedManifestInputTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_cli.Home, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, Dictionary<string, JsonElement> Packages, string Stderr)> RunAsync(string file)
    {
        var result = await _cli.RunAsync(["outdated", file, "--python", "3.8", "--format", "json", .. fixture.Options]);
        if (result.ExitCode == 2 && !result.Stdout.TrimStart().StartsWith('{'))
        {
            return (2, [], result.Stderr);
        }

        var packages = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("environments").EnumerateArray()
            .SelectMany(e => e.GetProperty("packages").EnumerateArray())
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.Clone());
        return (result.ExitCode, packages, result.Stderr);
    }

    [Fact]
    public async Task Outdated_Folder_ScansInstalledVenvAndManifests()
    {
        Write("site/app/.venv/pyvenv.cfg", "home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.8.10\n");
        Write("site/app/.venv/lib/python3.8/site-packages/numpy-1.24.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: numpy\nVersion: 1.24.0\n\n");
        Write("site/app/requirements.txt", "Django==3.2.12\n");

        var (exitCode, packages, _) = await RunAsync(Path.Combine(_cli.Home, "site"));

        Assert.NotEqual(2, exitCode);
        Assert.Equal("1.24", packages["numpy"].GetProperty("eol").GetProperty("cycle").GetString());
        Assert.Equal("3.2.25", packages["django"].GetProperty("latestInMinor").GetString());
    }

    [Fact]
    public async Task Outdated_RequirementsWithInclude_FollowsIncludeAndReportsUnpinnedAsUnknown()
    {
        Write("reqs/base.txt", "numpy==1.24.0\n");
        Write("reqs/constraints.txt", "django<4\n");
        var file = Write("reqs/prod.txt", "-r base.txt\n-c constraints.txt\nDjango>=3.2\n");
        var (exitCode, packages, stderr) = await RunAsync(file);
        Assert.NotEqual(2, exitCode);
        Assert.Equal(["django", "numpy"], packages.Keys.Order());
        Assert.Equal("unknown", packages["django"].GetProperty("upgradeKind").GetString());
        Assert.Equal("1.24.0", packages["numpy"].GetProperty("version").GetString());
        Assert.NotEqual("unknown", packages["numpy"].GetProperty("upgradeKind").GetString());
        Assert.DoesNotContain("warning:", stderr);
    }

    [Fact]
    public async Task Outdated_UvLock_ReadsLockedVersions()
    {
        var file = Write("uv.lock", """
            version = 1
            requires-python = ">=3.8"

            [[package]]
            name = "django"
            version = "3.2.12"
            source = { registry = "https://pypi.org/simple" }

            [[package]]
            name = "numpy"
            version = "1.24.0"
            source = { registry = "https://pypi.org/simple" }
            """);
        var (exitCode, packages, _) = await RunAsync(file);
        Assert.Equal(1, exitCode); // django 3.2 is past its EOL
        Assert.Equal("3.2.12", packages["django"].GetProperty("version").GetString());
        Assert.Equal("3.2.25", packages["django"].GetProperty("latestInMinor").GetString());
        Assert.Equal("1.24.0", packages["numpy"].GetProperty("version").GetString());
    }

    [Fact]
    public async Task Outdated_PoetryLock_ReadsLockedVersions()
    {
        var file = Write("poetry.lock", """
            [[package]]
            name = "Django"
            version = "4.2.29"
            description = "web framework"
            optional = false
            python-versions = ">=3.8"
            files = []

            [metadata]
            lock-version = "2.0"
            python-versions = "^3.8"
            content-hash = "0000"
            """);
        var (exitCode, packages, _) = await RunAsync(file);
        Assert.NotEqual(2, exitCode);
        Assert.Equal("4.2.29", packages["django"].GetProperty("version").GetString());
        Assert.Equal("patch", packages["django"].GetProperty("upgradeKind").GetString());
    }

    [Fact]
    public async Task Outdated_BadLineInRequirements_NotCheckedExitTwoWithFileLineAndReportsTheRest()
    {
        // pip refuses the file (unknown option): an error for that file (exit 2), what could be read still reported.
        var file = Write("requirements.txt", "numpy==1.24.0\n--bogus\n");
        var (exitCode, packages, stderr) = await RunAsync(file);
        Assert.Equal(2, exitCode);
        Assert.True(stderr.Contains($"error: {file}:2: ", StringComparison.Ordinal) && stderr.Contains("--bogus", StringComparison.Ordinal), stderr);
        Assert.DoesNotContain("warning: " + file + ":2: error:", stderr, StringComparison.Ordinal);
        Assert.Equal(["numpy"], packages.Keys);
    }

    [Fact]
    public async Task Outdated_UnparsableLock_ExitsTwoWithFileAndLine()
    {
        var file = Write("poetry.lock", "[[package]]\nname = \"django\"\nversion = \n");
        var (exitCode, _, stderr) = await RunAsync(file);
        Assert.Equal(2, exitCode);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    public void Dispose() => _cli.Dispose();
}
