using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task Help_ListsEveryRegisteredCommand()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        var root = PyfleetApp.BuildRootCommand(Support.TestContexts.Silent());
        Assert.NotEmpty(root.Subcommands);
        foreach (var command in root.Subcommands)
        {
            Assert.Contains(command.Name, result.Stdout);
        }
    }
}
