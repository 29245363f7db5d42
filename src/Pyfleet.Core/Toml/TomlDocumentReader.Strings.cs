using System.Globalization;
using System.Text;

namespace Pyfleet.Core.Toml;

/// <summary>The four TOML string forms (https://toml.io/en/v1.0.0#string).</summary>
internal sealed partial class TomlDocumentReader
{
    private string ReadBasicString()
    {
        _pos++; // "

        // Fast path: most strings (names, versions, hashes, URLs) have no escapes — slice them without a builder.
        var end = _text.AsSpan(_pos).IndexOfAny('"', '\\', '\n');
        if (end >= 0 && _text[_pos + end] == '"' && !ContainsControl(_text.AsSpan(_pos, end)))
        {
            var value = _text.Substring(_pos, end);
            _pos += end + 1;
            return value;
        }

        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || IsNewlineStart())
            {
                throw Error("unterminated string");
            }

            var c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(builder);
                continue;
            }

            EnsureAllowedInString(c);
            builder.Append(c);
            _pos++;
        }
    }

    private string ReadMultilineBasicString()
    {
        _pos += 3;
        SkipOneNewline(); // a newline right after the opening delimiter is trimmed
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated multi-line string");
            }

            var c = _text[_pos];
            if (c == '"' && StartsWith("\"\"\""))
            {
                // Up to two quotes may sit right before the closing delimiter: """"" is '""' + """.
                var run = CountRun('"');
                if (run > 5)
                {
                    throw Error("too many quotes at the end of a multi-line string");
                }

                builder.Append('"', run - 3);
                _pos += run;
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (IsLineEndingBackslash())
                {
                    _pos++;
                    SkipWhitespaceAndNewlines();
                    continue;
                }

                ReadEscape(builder);
                continue;
            }

            if (c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                // Newlines inside multi-line strings are normalised to LF, as tomllib does.
                builder.Append('\n');
                _pos += 2;
                continue;
            }

            if (c != '\n')
            {
                EnsureAllowedInString(c);
            }

            builder.Append(c);
            _pos++;
        }
    }

    private string ReadLiteralString()
    {
        var start = ++_pos;
        while (true)
        {
            if (AtEnd || IsNewlineStart())
            {
                throw Error("unterminated literal string");
            }

            var c = _text[_pos];
            if (c == '\'')
            {
                return _text[start.._pos++];
            }

            EnsureAllowedInString(c);
            _pos++;
        }
    }

    private string ReadMultilineLiteralString()
    {
        _pos += 3;
        SkipOneNewline();
        var start = _pos;
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated multi-line literal string");
            }

            var c = _text[_pos];
            if (c == '\'' && StartsWith("'''"))
            {
                var run = CountRun('\'');
                if (run > 5)
                {
                    throw Error("too many quotes at the end of a multi-line literal string");
                }

                var value = _text[start..(_pos + run - 3)].Replace("\r\n", "\n", StringComparison.Ordinal);
                _pos += run;
                return value;
            }

            if (c is not ('\n' or '\r'))
            {
                EnsureAllowedInString(c);
            }

            _pos++;
        }
    }

    private void ReadEscape(StringBuilder builder)
    {
        if (_pos + 1 >= _text.Length)
        {
            throw Error("unterminated escape sequence");
        }

        var code = _text[_pos + 1];
        _pos += 2;
        switch (code)
        {
            case 'b': builder.Append('\b'); return;
            case 't': builder.Append('\t'); return;
            case 'n': builder.Append('\n'); return;
            case 'f': builder.Append('\f'); return;
            case 'r': builder.Append('\r'); return;
            case 'e': builder.Append('\u001b'); return;
            case '"': builder.Append('"'); return;
            case '\\': builder.Append('\\'); return;
            case 'x': builder.Append(ReadCodePoint(2)); return;
            case 'u': builder.Append(ReadCodePoint(4)); return;
            case 'U': builder.Append(ReadCodePoint(8)); return;
            default: throw Error($"invalid escape sequence '\\{Printable(code)}'");
        }
    }

    private string ReadCodePoint(int digits)
    {
        if (_pos + digits > _text.Length || !int.TryParse(_text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"expected {digits} hex digits in unicode escape");
        }

        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw Error($"escape names an invalid unicode scalar value U+{value:X}");
        }

        _pos += digits;
        return char.ConvertFromUtf32(value);
    }

    private bool IsLineEndingBackslash()
    {
        var i = _pos + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < _text.Length && (_text[i] == '\n' || (_text[i] == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n'));
    }

    private int CountRun(char quote)
    {
        var i = _pos;
        while (i < _text.Length && _text[i] == quote)
        {
            i++;
        }

        return i - _pos;
    }

    private static bool ContainsControl(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                return true;
            }
        }

        return false;
    }

    private void EnsureAllowedInString(char c)
    {
        // Control characters other than tab are not allowed unescaped (TOML 1.0 "String").
        if ((c < 0x20 && c != '\t') || c == 0x7F)
        {
            throw Error($"control character U+{(int)c:X4} must be escaped in strings");
        }
    }
}
