using Pyfleet.Core.Configuration;
using Pyfleet.Core.Reporting;
using Spectre.Console;

namespace Pyfleet.Cli;

/// <summary>
/// Everything a command touches outside itself: output streams, environment, clock, working directory.
/// Tests build one with string writers and a fixed clock and run the whole CLI in-process.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Stdout { get; init; }
    public required TextWriter Stderr { get; init; }

    /// <summary>Rich console for tables and progress on stdout; colours only when stdout is a terminal.</summary>
    public required IAnsiConsole Console { get; init; }

    public required Func<string, string?> GetEnvironment { get; init; }
    public required TimeProvider Clock { get; init; }
    public required string CurrentDirectory { get; init; }

    /// <summary>True when stdout is an interactive terminal (progress bars, colours).</summary>
    public bool IsInteractive { get; init; }

    /// <summary>The output formats <c>--format</c> offers besides <c>table</c> (tests and hosts may add their own).</summary>
    public ReportRegistry Reports { get; init; } = ReportFormats.CreateDefault();

    /// <summary>
    /// True when the command is the whole process (not hosted by tests): it may then tune process-wide settings
    /// such as garbage collection for its run (<see cref="Performance.NoGcRegion"/>).
    /// </summary>
    public bool OwnsProcess { get; init; }

    /// <summary>The global <c>--database</c> value of this run, set once after parsing (see <c>Hosting/Stores</c>).</summary>
    public string? DatabaseOption { get; set; }

    /// <summary>The data folder after applying <c>--home</c> / <c>PYFLEET_HOME</c>.</summary>
    public PyfleetHome ResolveHome(string? explicitHome) => PyfleetHome.Resolve(explicitHome, GetEnvironment);

    /// <summary>The raw config of the resolved data folder; commands bind typed options through <c>Hosting/CommandSession</c>.</summary>
    public PyfleetConfig LoadConfig(string? explicitHome) => PyfleetConfig.Load(ResolveHome(explicitHome), GetEnvironment);

    public static CliContext FromProcess()
    {
        var interactive = !System.Console.IsOutputRedirected;

        // A pipe or file gets a 64 KiB buffered writer (Console.Out flushes on every write: one system call per
        // small chunk of a large JSON report). The caller flushes it before exit; a terminal stays unbuffered so
        // progress and tables appear as they are drawn.
        var stdout = interactive
            ? System.Console.Out
            : new StreamWriter(System.Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        return new CliContext
        {
            Stdout = stdout,
            Stderr = System.Console.Error,
            Console = new LazyAnsiConsole(() => CreateConsole(stdout, interactive)),
            GetEnvironment = Environment.GetEnvironmentVariable,
            Clock = TimeProvider.System,
            CurrentDirectory = Environment.CurrentDirectory,
            IsInteractive = interactive,
            OwnsProcess = true,
        };
    }

    /// <summary>A console writing to <paramref name="writer"/>; ANSI colours only for a terminal and when NO_COLOR is unset.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool interactive, int width = 160)
    {
        var colours = interactive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colours ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colours ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = width;
        }

        return console;
    }
}
