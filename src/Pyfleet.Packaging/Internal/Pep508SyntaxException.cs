namespace Pyfleet.Packaging.Internal;

/// <summary>A PEP 508 syntax error with the 0-based position it points at (packaging's <c>ParserSyntaxError</c>).</summary>
internal sealed class Pep508SyntaxException(string message, string source, int position) : Exception(message)
{
    public string Text { get; } = source;

    public int Position { get; } = position;

    /// <summary>"message at column N" with a 1-based column, plus the source and a caret line.</summary>
    public string Describe() =>
        $"{Message} at column {Position + 1}: {Text}";
}
