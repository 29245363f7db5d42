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

    /// <summary>Python's <c>$</c>: the end, or just before a final newline.</summary>
    public bool AtEnd => Position == Source.Length || (Position == Source.Length - 1 && Source[^1] == '\n');

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

    /// <summary>
    /// The value of a quoted marker string: packaging runs <c>ast.literal_eval</c> on it, so Python escapes apply.
    /// </summary>
    public static bool TryUnquote(string raw, out string value)
    {
        var body = raw.AsSpan(1, raw.Length - 2);
        if (body.IndexOf('\\') < 0)
        {
            value = body.ToString();
            return true;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= body.Length)
            {
                value = string.Empty;
                return false;
            }

            var e = body[i];
            switch (e)
            {
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\n': break;
                case 'x' or 'u' or 'U':
                    var width = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (body.Length - i - 1 < width
                        || !int.TryParse(body.Slice(i + 1, width), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || code < 0 || code > 0x10FFFF)
                    {
                        value = string.Empty;
                        return false;
                    }

                    builder.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    i += width;
                    break;
                case >= '0' and <= '7':
                    var octal = 0;
                    var digits = 0;
                    while (digits < 3 && i < body.Length && body[i] is >= '0' and <= '7')
                    {
                        octal = (octal * 8) + (body[i] - '0');
                        i++;
                        digits++;
                    }

                    i--;
                    builder.Append((char)octal);
                    break;
                default:
                    // Unknown escapes keep the backslash (Python warns but keeps both characters).
                    builder.Append('\\').Append(e);
                    break;
            }
        }

        value = builder.ToString();
        return true;
    }
}
