using Pyfleet.Cli.Tests.Outdated;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Testing.Releases;

namespace Pyfleet.Cli.Tests.Fix;

public sealed class FixCommandTests(ReleaseFixture fixture) : IClassFixture<ReleaseFixture>, IDisposable
{
    private readonly CliRunner _cli = new();

    private string Write(string text, string name = "requirements.txt")
    {
        var path = Path.Combine(_cli.Home, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Fix_DryRun_PrintsDiffAndLeavesFile()
    {
        const string text = "# pins\n-r base.txt\nDjango==3.2.12 ; python_version >= \"3.8\"\nnumpy>=1.20\n";
        Write("", "base.txt"); // pip refuses a file whose include is missing, and so does fix
        var file = Write(text);
        var result = await _cli.RunAsync(["fix", file, "--dry-run", "--python", "3.8", .. fixture.Options]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-Django==3.2.12 ; python_version >= \"3.8\"\n+Django==3.2.25 ; python_version >= \"3.8\"\n", result.Stdout);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_HashedPin_RewritesVersionAndHashesFromIndex()
    {
        var file = Write("django==3.2.12 \\\n    --hash=sha256:0000\n# end\n");
        var result = await _cli.RunAsync(["fix", file, "--python", "3.8", .. fixture.Options]);
        Assert.Equal(0, result.ExitCode);
        var expectedHash = new RecordedProject("django").Add("3.2.25").Sha256;
        Assert.Equal($"django==3.2.25 \\\n    --hash=sha256:{expectedHash}\n# end\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_HashedPinWithoutIndexHashes_RefusesAndKeepsFile()
    {
        const string text = "nohash==1.0 --hash=sha256:abcd\n";
        var file = Write(text);
        var result = await _cli.RunAsync(["fix", file, .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:1:", result.Stderr);
        Assert.Contains("hash", result.Stderr);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_Minor_MovesToLatestInMajor()
    {
        var file = Write("[versions]\nDjango = 4.0.1\n", "versions.cfg");
        var result = await _cli.RunAsync(["fix", file, "--minor", "--python", "3.8", .. fixture.Options]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[versions]\nDjango = 4.2.30\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_BuildoutExtendsMissingFile_RefusesAndKeepsFile()
    {
        const string text = "[buildout]\nextends = base.cfg\n\n[versions]\nDjango = 4.0.1\n";
        var file = Write(text, "versions.cfg");
        var result = await _cli.RunAsync(["fix", file, "--minor", "--python", "3.8", .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:2: ", result.Stderr);
        Assert.Contains("base.cfg", result.Stderr);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_UnparsableFile_RefusesWithLine()
    {
        const string text = "django==3.2.12\n--bogus-option\n";
        var file = Write(text);
        var result = await _cli.RunAsync(["fix", file, .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:2: ", result.Stderr);
        Assert.Contains("--bogus-option", result.Stderr);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_IncludeCycle_RefusesAndLeavesBothFilesByteForByte()
    {
        const string top = "django==3.2.12\r\n-r other.txt\r\n";
        const string other = "numpy==1.24.0\n-r requirements.txt\n";
        var file = Write(top);
        var included = Write(other, "other.txt");
        var before = (File.ReadAllBytes(file), File.ReadAllBytes(included));
        var result = await _cli.RunAsync(["fix", file, "--python", "3.8", .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{included}:2: ", result.Stderr);
        Assert.Contains("recursively references itself", result.Stderr);
        Assert.Equal(before.Item1, File.ReadAllBytes(file));
        Assert.Equal(before.Item2, File.ReadAllBytes(included));
    }

    [Fact]
    public async Task Fix_ErrorInIncludedFile_RefusesWithItsLine()
    {
        const string text = "django==3.2.12\n-r other.txt\n";
        var file = Write(text);
        var included = Write("numpy==1.24.0\nDjango=3.2\n", "other.txt");
        var result = await _cli.RunAsync(["fix", file, "--python", "3.8", .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{included}:2: ", result.Stderr);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public async Task Fix_WithInclude_RewritesOnlyTheGivenFileAndSaysSo()
    {
        const string other = "numpy==1.24.0\nDjango==3.2.12\n";
        var included = Write(other, "other.txt");
        var file = Write("\uFEFF-r other.txt\nDjango==3.2.12\n");
        var result = await _cli.RunAsync(["fix", file, "--python", "3.8", .. fixture.Options]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "-r other.txt\nDjango==3.2.25\n"u8.ToArray()], File.ReadAllBytes(file)); // BOM kept
        Assert.Equal(other, File.ReadAllText(included));
        Assert.Contains($"note: {included} is included but not modified", result.Stderr);
        Assert.Contains("1 pin changed", result.Stderr);
    }

    public void Dispose() => _cli.Dispose();
}
