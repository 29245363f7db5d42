using Spectre.Console;

namespace Pyfleet.Cli.Tests;

public sealed class LazyAnsiConsoleTests
{
    [Fact]
    public void Console_IsMadeOnFirstUseOnly_AndWritesThrough()
    {
        var made = 0;
        var output = new StringWriter();
        var console = new LazyAnsiConsole(() =>
        {
            made++;
            return CliContext.CreateConsole(output, interactive: false);
        });
        Assert.Equal(0, made);
        console.Write(new Text("hello"));
        console.Write(new Text(" fleet"));
        Assert.Equal(1, made);
        Assert.Equal("hello fleet", output.ToString().Trim());
    }
}
