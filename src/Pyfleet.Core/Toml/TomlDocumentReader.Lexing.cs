namespace Pyfleet.Core.Toml;

/// <summary>Whitespace, comments, newlines, positions and errors.</summary>
internal sealed partial class TomlDocumentReader
{
    private bool AtEnd => _pos >= _text.Length;

    private bool StartsWith(string value) => string.CompareOrdinal(_text, _pos, value, 0, value.Length) == 0;

    private bool Consume(char c)
    {
        if (!AtEnd && _text[_pos] == c)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private bool IsNewlineStart() =>
        !AtEnd && (_text[_pos] == '\n' || (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n'));

    private void SkipWhitespace()
    {
        while (!AtEnd && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    private void SkipOneNewline()
    {
        if (StartsWith("\r\n"))
        {
            _pos += 2;
        }
        else if (!AtEnd && _text[_pos] == '\n')
        {
            _pos++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (!AtEnd && (_text[_pos] is ' ' or '\t' || IsNewlineStart()))
        {
            _pos += _text[_pos] == '\r' ? 2 : 1;
        }
    }

    private void SkipWhitespaceCommentsAndNewlines()
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            if (AtEnd || _text[_pos] != '#')
            {
                return;
            }

            SkipComment();
        }
    }

    private void SkipComment()
    {
        _pos++; // #
        while (!AtEnd && !IsNewlineStart())
        {
            var c = _text[_pos];
            if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                throw Error($"control character U+{(int)c:X4} is not allowed in comments");
            }

            _pos++;
        }
    }

    /// <summary>After an expression only whitespace and a comment may follow on the same line.</summary>
    private void ExpectEndOfLine()
    {
        SkipWhitespace();
        if (!AtEnd && _text[_pos] == '#')
        {
            SkipComment();
        }

        if (AtEnd)
        {
            return;
        }

        if (!IsNewlineStart())
        {
            throw Error($"unexpected '{Printable(_text[_pos])}' after a value (expected end of line)");
        }

        _pos += _text[_pos] == '\r' ? 2 : 1;
    }

    private int LineAt(int position)
    {
        var index = Array.BinarySearch(_lineStarts, position);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private TomlException Error(string message, int? line = null) => new(message, _path, line ?? LineAt(Math.Min(_pos, _text.Length)));

    private static string Printable(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return [.. starts];
    }
}
