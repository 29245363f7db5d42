using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pyfleet.Cli;

/// <summary>
/// A console made on first use: detecting the terminal's capabilities takes milliseconds at start-up that a
/// command writing JSON (an audit of a fleet, a scan for an agent) never needs.
/// </summary>
internal sealed class LazyAnsiConsole(Func<IAnsiConsole> create) : IAnsiConsole
{
    private readonly Lazy<IAnsiConsole> _console = new(create);

    public Profile Profile => _console.Value.Profile;

    public IAnsiConsoleCursor Cursor => _console.Value.Cursor;

    public IAnsiConsoleInput Input => _console.Value.Input;

    public IExclusivityMode ExclusivityMode => _console.Value.ExclusivityMode;

    public RenderPipeline Pipeline => _console.Value.Pipeline;

    public void Clear(bool home) => _console.Value.Clear(home);

    public void Write(IRenderable renderable) => _console.Value.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => _console.Value.WriteAnsi(action);
}
