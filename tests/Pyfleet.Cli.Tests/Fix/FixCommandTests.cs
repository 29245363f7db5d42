using Pyfleet.Cli.Tests.Outdated;
using Pyfleet.Cli.Tests.Support;
using Pyfleet.Core.Tests.Support.Releases;

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
    public async Task Fix_UnparsableFile_RefusesWithLine()
    {
        const string text = "django==3.2.12\n--bogus-option\n";
        var file = Write(text);
        var result = await _cli.RunAsync(["fix", file, .. fixture.Options]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:2: unknown option '--bogus-option'", result.Stderr);
        Assert.Equal(text, File.ReadAllText(file));
    }

    public void Dispose() => _cli.Dispose();
}
