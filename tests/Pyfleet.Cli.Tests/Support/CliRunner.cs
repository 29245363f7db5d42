using Pyfleet.Cli;
using Pyfleet.Testing.Time;

namespace Pyfleet.Cli.Tests.Support;

/// <summary>Runs the whole CLI in-process with captured output, a temp home and a fake clock (fixed now, instant waits).</summary>
public sealed class CliRunner : IDisposable
{
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public CliRunner()
    {
        Home = Directory.CreateTempSubdirectory("pyfleet-cli-").FullName;
        _environment["PYFLEET_HOME"] = Home;
    }

    public string Home { get; }

    public DateTimeOffset Now { get; set; } = new(2026, 8, 22, 12, 0, 0, TimeSpan.Zero);

    public string CurrentDirectory { get; set; } = Environment.CurrentDirectory;

    /// <summary>
    /// The run's clock: "now" is <see cref="Now"/> and waits (HTTP backoff, Retry-After) pass at once and are
    /// recorded (<see cref="FakeClock.Waits"/>). A new one per run unless set; the last run's is <see cref="LastClock"/>.
    /// </summary>
    public FakeClock? Clock { get; set; }

    public FakeClock? LastClock { get; private set; }

    public CliRunner WithEnvironment(string name, string? value)
    {
        _environment[name] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext
        {
            Stdout = stdout,
            Stderr = stderr,
            Console = CliContext.CreateConsole(stdout, interactive: false),
            GetEnvironment = name => _environment.TryGetValue(name, out var value) ? value : null,
            Clock = LastClock = Clock ?? new FakeClock(Now),
            CurrentDirectory = CurrentDirectory,
        };
        var exit = await PyfleetApp.RunAsync(args, context);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A test that leaves a file open must not fail the others.
        }
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);
