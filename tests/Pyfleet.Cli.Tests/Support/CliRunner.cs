using Pyfleet.Cli;

namespace Pyfleet.Cli.Tests.Support;

/// <summary>Runs the whole CLI in-process with captured output, a temp home and a fixed clock.</summary>
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
            Clock = new FixedClock(Now),
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

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);
