namespace Pyfleet.Core.Inventory;

/// <summary>
/// An input that could not be read or checked completely (unreadable, corrupt, refused by pip, unknown format).
/// Unlike a <see cref="ScanWarning"/> it makes the run "not checked" for that input: reports list it, the summary
/// counts it and the command exits 2, even when every other input was fine. Written as
/// <c>"errors": [{"path", "line", "message"}]</c> on the environment or the inventory document.
/// </summary>
/// <param name="Path">The file or folder that could not be checked.</param>
/// <param name="Line">1-based line, when the problem has one.</param>
/// <param name="Message">What is wrong, as a sentence for an operator.</param>
public sealed record InputError(string Path, int? Line, string Message)
{
    /// <summary><c>path:line: message</c>.</summary>
    public override string ToString() => $"{Path}{(Line is { } line ? $":{line}" : "")}: {Message}";
}
