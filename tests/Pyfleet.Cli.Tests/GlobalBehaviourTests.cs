using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests;

public sealed class GlobalBehaviourTests
{
    [Fact]
    public async Task UnknownOption_ExitsWithUsageErrorAndNoStackTrace()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("home", "--no-such-option");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Home_UsesPyfleetHomeVariableAndCreatesTheStore()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("home");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(cli.Home, result.Stdout);
        Assert.True(File.Exists(Path.Combine(cli.Home, "pyfleet.db")));
    }

    [Fact]
    public async Task HomeOption_OverridesEnvironment()
    {
        using var cli = new CliRunner();
        var other = Path.Combine(cli.Home, "other");
        var result = await cli.RunAsync("home", "--home", other);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(other, "pyfleet.db")));
    }

    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }
}
