using Pyfleet.Cli;

namespace Pyfleet.Cli.Tests.Support;

/// <summary>Ready-made contexts for tests that only need to build commands.</summary>
public static class TestContexts
{
    public static CliContext Silent(bool ownsProcess = false) => new()
    {
        Stdout = TextWriter.Null,
        Stderr = TextWriter.Null,
        Console = CliContext.CreateConsole(TextWriter.Null, interactive: false),
        GetEnvironment = _ => null,
        Clock = TimeProvider.System,
        CurrentDirectory = Environment.CurrentDirectory,
        OwnsProcess = ownsProcess,
    };
}
