using System.Globalization;
using System.Text;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Packaging.Internal;

/// <summary>
/// The context-sensitive tokenizer of packaging's <c>_tokenizer.py</c>: each rule is tried at the current position
/// only when the parser asks for it. Rules mirror <c>DEFAULT_RULES</c> (26.x), without Regex.
/// </summary>
internal sealed class Pep508Tokenizer
{
    private static readonly string[] VariableNames =
    [
        "python_version", "python_full_version", "os_name", "os.name", "sys_platform", "sys.platform",
        "platform_release", "platform_system", "platform_version", "platform.version", "platform_machine",
        "platform.machine", "platform_python_implementation", "platform.python_implementation",
        "python_implementation", "implementation_name", "implementation_version", "extras", "extra",
        "dependency_groups",
    ];

    private static readonly string[] Operators = ["===", "==", "~=", "!=", "<=", ">=", "<", ">"];

    public Pep508Tokenizer(string source) => Source = source;

    public string Source { get; }

    public int Position { get; private set; }

    private ReadOnlySpan<char> Rest => Source.AsSpan(Position);

    public void Advance(int length) => Position += length;

    /// <summary>The end of the text (packaging ≥ 26 rejects a trailing line break: test_parses_invalid_trailing_line_break).</summary>
    public bool AtEnd => Position == Source.Length;

    public int MatchWhitespace()
    {
        var n = 0;
        while (Position + n < Source.Length && Source[Position + n] is ' ' or '\t')
        {
            n++;
        }

        return n;
    }

    public void ConsumeWhitespace() => Advance(MatchWhitespace());

    public bool Peek(char c) => Position < Source.Length && Source[Position] == c;

    public bool TryRead(char c)
    {
        if (!Peek(c))
        {
            return false;
        }

        Advance(1);
        return true;
    }

    // Python's \b: a word character (str.isalnum or '_') on exactly one side.
    private static bool IsWord(char c) => c == '_' || char.IsLetterOrDigit(c);

    private bool BoundaryAt(int index)
    {
        var before = index > 0 && IsWord(Source[index - 1]);
        var after = index < Source.Length && IsWord(Source[index]);
        return before != after;
    }

    /// <summary><c>\bword\b</c> at the current position.</summary>
    public bool MatchWord(string word) =>
        Rest.StartsWith(word, StringComparison.Ordinal) && BoundaryAt(Position) && BoundaryAt(Position + word.Length);

    public string? TryReadBoolOp()
    {
        foreach (var word in (string[])["or", "and"])
        {
            if (MatchWord(word))
            {
                Advance(word.Length);
                return word;
            }
        }

        return null;
    }

    public string? TryReadVariable()
    {
        foreach (var name in VariableNames)
        {
            if (MatchWord(name))
            {
                Advance(name.Length);
                return name;
            }
        }

        return null;
    }

    public string? TryReadOperator()
    {
        foreach (var op in Operators)
        {
            if (Rest.StartsWith(op, StringComparison.Ordinal))
            {
                Advance(op.Length);
                return op;
            }
        }

        return null;
    }

    /// <summary><c>'[^']*'|"[^"]*"</c>, returned raw (quotes included).</summary>
    public string? TryReadQuotedString()
    {
        if (Position >= Source.Length || Source[Position] is not ('\'' or '"'))
        {
            return null;
        }

        var quote = Source[Position];
        var close = Source.IndexOf(quote, Position + 1);
        if (close < 0)
        {
            return null;
        }

        var raw = Source[Position..(close + 1)];
        Advance(raw.Length);
        return raw;
    }

    /// <summary><c>\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b</c> (greedy, then backs off to a word boundary).</summary>
    public string? TryReadIdentifier()
    {
        if (Position >= Source.Length || !char.IsAsciiLetterOrDigit(Source[Position]) || !BoundaryAt(Position))
        {
            return null;
        }

        var end = Position + 1;
        while (end < Source.Length && (char.IsAsciiLetterOrDigit(Source[end]) || Source[end] is '.' or '_' or '-'))
        {
            end++;
        }

        while (end > Position + 1 && !BoundaryAt(end))
        {
            end--;
        }

        if (!BoundaryAt(end))
        {
            return null;
        }

        var text = Source[Position..end];
        Advance(text.Length);
        return text;
    }

    public bool PeekIdentifier()
    {
        var saved = Position;
        var found = TryReadIdentifier() is not null;
        Position = saved;
        return found;
    }

    /// <summary><c>[^ \t]+</c>.</summary>
    public string? TryReadUrl()
    {
        var end = Position;
        while (end < Source.Length && Source[end] is not (' ' or '\t'))
        {
            end++;
        }

        if (end == Position)
        {
            return null;
        }

        var text = Source[Position..end];
        Position = end;
        return text;
    }

    public string? TryReadSpecifier()
    {
        var length = Specifier.MatchPrefix(Rest);
        if (length == 0)
        {
            return null;
        }

        var text = Source.Substring(Position, length);
        Advance(length);
        return text;
    }

    public bool PeekWildcardTrail() => Rest.StartsWith(".*", StringComparison.Ordinal);

    /// <summary><c>\+[a-z0-9]+([-_.][a-z0-9]+)*</c> — case-sensitive, as compiled by packaging.</summary>
    public bool PeekLocalLabelTrail() =>
        Rest.Length >= 2 && Rest[0] == '+' && (char.IsAsciiDigit(Rest[1]) || char.IsAsciiLetterLower(Rest[1]));

    public Pep508SyntaxException Error(string message, int? spanStart = null) =>
        new(message, Source, spanStart ?? Position);
}
