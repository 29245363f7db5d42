namespace Pyfleet.Core.Errors;

/// <summary>
/// Base of every expected engine failure (bad input, missing data, unreachable source). Carries the file and
/// line it is about, so the CLI can print <c>path:line: message</c> instead of a stack trace.
/// </summary>
public class PyfleetException : Exception
{
    public PyfleetException(string message, string? path = null, int? line = null, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file, folder or URL (credentials redacted) the failure is about, when there is one.</summary>
    public string? Path { get; }

    /// <summary>1-based line in <see cref="Path"/>, when known.</summary>
    public int? Line { get; }

    /// <summary><c>path:line: message</c>, <c>path: message</c> or just the message.</summary>
    public string Describe() => (Path, Line) switch
    {
        (not null, not null) => $"{Path}:{Line}: {Message}",
        (not null, null) => $"{Path}: {Message}",
        _ => Message,
    };
}
