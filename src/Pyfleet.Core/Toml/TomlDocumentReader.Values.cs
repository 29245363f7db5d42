using System.Globalization;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Toml;

/// <summary>Values: arrays, inline tables, booleans, numbers and dates (strings are in their own file).</summary>
internal sealed partial class TomlDocumentReader
{
    private TomlNode ReadValue()
    {
        if (AtEnd)
        {
            throw Error("expected a value");
        }

        var line = LineAt(_pos);
        switch (_text[_pos])
        {
            case '"':
                return new TomlValue(TomlValueKind.String, StartsWith("\"\"\"") ? ReadMultilineBasicString() : ReadBasicString(), line);
            case '\'':
                return new TomlValue(TomlValueKind.String, StartsWith("'''") ? ReadMultilineLiteralString() : ReadLiteralString(), line);
            case '[':
            case '{':
                return ReadNested(line);
        }

        if (StartsWith("true") && !IsTokenChar(4))
        {
            _pos += 4;
            return new TomlValue(TomlValueKind.Boolean, true, line);
        }

        if (StartsWith("false") && !IsTokenChar(5))
        {
            _pos += 5;
            return new TomlValue(TomlValueKind.Boolean, false, line);
        }

        return ReadNumberOrDate(line);
    }

    // Arrays and inline tables recurse: bound the depth so 100,000 '[' or '{b = ' are an error with a line, not
    // a stack overflow that kills the process (issue 17).
    private TomlNode ReadNested(int line)
    {
        if (++_depth > _maxDepth)
        {
            throw Error($"arrays and inline tables nested deeper than {_maxDepth} levels (the input limit)");
        }

        try
        {
            return _text[_pos] == '[' ? ReadArray(line) : ReadInlineTable(line);
        }
        finally
        {
            _depth--;
        }
    }

    private TomlArray ReadArray(int line)
    {
        _pos++; // [
        var array = new TomlArray(line);
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (Consume(']'))
            {
                return array;
            }

            array.Add(ReadValue());
            SkipWhitespaceCommentsAndNewlines();
            if (Consume(']'))
            {
                return array;
            }

            if (!Consume(','))
            {
                throw Error("expected ',' or ']' in array");
            }
        }
    }

    private TomlTable ReadInlineTable(int line)
    {
        _pos++; // {
        var table = new TomlTable(line, TomlTableOrigin.Inline);
        SkipWhitespace();
        if (Consume('}'))
        {
            return table;
        }

        while (true)
        {
            SkipWhitespace();
            ReadKeyValue(table);
            SkipWhitespace();
            if (Consume('}'))
            {
                return table;
            }

            if (!Consume(','))
            {
                throw Error(IsNewlineStart() ? "inline tables must be on one line" : "expected ',' or '}' in inline table");
            }
        }
    }

    private TomlValue ReadNumberOrDate(int line)
    {
        var start = _pos;
        while (!AtEnd && IsTokenChar(0))
        {
            _pos++;
        }

        // RFC 3339 allows a space instead of 'T' between date and time: "1979-05-27 07:32:00Z".
        if (_pos - start == 10 && DatePattern().IsMatch(_text.AsSpan(start, 10)) && _pos + 3 < _text.Length
            && _text[_pos] == ' ' && char.IsAsciiDigit(_text[_pos + 1]) && char.IsAsciiDigit(_text[_pos + 2]) && _text[_pos + 3] == ':')
        {
            _pos++;
            while (!AtEnd && IsTokenChar(0))
            {
                _pos++;
            }
        }

        // Fast path: a plain decimal integer (sizes, versions of schemas) needs neither a substring nor a regex.
        var span = _text.AsSpan(start, _pos - start);
        if (span.Length is > 0 and < 19 && (span.Length == 1 || span[0] != '0') && !span.ContainsAnyExceptInRange('0', '9'))
        {
            return new TomlValue(TomlValueKind.Integer, long.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture), line);
        }

        var token = span.ToString();
        if (token.Length == 0)
        {
            throw Error($"unexpected character '{Printable(_text[start])}' where a value was expected", line);
        }

        return TryNumber(token, line) ?? TryDate(token, line) ?? throw Error($"invalid value '{token}'", line);
    }

    private TomlValue? TryNumber(string token, int line)
    {
        if (IntegerPattern().IsMatch(token))
        {
            var digits = token.Replace("_", "", StringComparison.Ordinal);
            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? new TomlValue(TomlValueKind.Integer, value, line)
                : throw Error($"integer '{token}' does not fit in 64 bits", line);
        }

        if (RadixIntegerPattern().Match(token) is { Success: true } radix)
        {
            var numberBase = radix.Groups[1].Value switch { "x" => 16, "o" => 8, _ => 2 };
            var digits = radix.Groups[2].Value.Replace("_", "", StringComparison.Ordinal);
            try
            {
                return new TomlValue(TomlValueKind.Integer, checked((long)Convert.ToUInt64(digits, numberBase)), line);
            }
            catch (OverflowException)
            {
                throw Error($"integer '{token}' does not fit in 64 bits", line);
            }
            catch (FormatException)
            {
                throw Error($"invalid digits in integer '{token}'", line);
            }
        }

        if (token is "inf" or "+inf" or "-inf" or "nan" or "+nan" or "-nan")
        {
            var value = token.EndsWith("nan", StringComparison.Ordinal) ? double.NaN : token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return new TomlValue(TomlValueKind.Float, value, line);
        }

        if (FloatPattern().IsMatch(token))
        {
            return new TomlValue(TomlValueKind.Float, double.Parse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture), line);
        }

        return null;
    }

    private TomlValue? TryDate(string token, int line)
    {
        var normalized = token.Length > 10 && token[10] is ' ' or 't' ? string.Concat(token.AsSpan(0, 10), "T", token.AsSpan(11)) : token;
        normalized = normalized.Replace('z', 'Z');
        var styles = DateTimeStyles.None;
        if (OffsetDateTimePattern().IsMatch(normalized))
        {
            return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, styles, out var offset)
                ? new TomlValue(TomlValueKind.OffsetDateTime, offset, line)
                : throw Error($"invalid date-time '{token}'", line);
        }

        if (LocalDateTimePattern().IsMatch(normalized))
        {
            return DateTime.TryParse(normalized, CultureInfo.InvariantCulture, styles, out var local)
                ? new TomlValue(TomlValueKind.LocalDateTime, DateTime.SpecifyKind(local, DateTimeKind.Unspecified), line)
                : throw Error($"invalid date-time '{token}'", line);
        }

        if (DatePattern().IsMatch(normalized))
        {
            return DateOnly.TryParseExact(normalized, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new TomlValue(TomlValueKind.LocalDate, date, line)
                : throw Error($"invalid date '{token}'", line);
        }

        if (TimePattern().IsMatch(normalized))
        {
            return TimeOnly.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? new TomlValue(TomlValueKind.LocalTime, time, line)
                : throw Error($"invalid time '{token}'", line);
        }

        return null;
    }

    private bool IsTokenChar(int offset)
    {
        var index = _pos + offset;
        return index < _text.Length && (char.IsAsciiLetterOrDigit(_text[index]) || _text[index] is '_' or '+' or '-' or '.' or ':');
    }

    [GeneratedRegex(@"^[+-]?(0|[1-9](_?[0-9])*)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^0([xob])([0-9A-Fa-f](_?[0-9A-Fa-f])*)$")]
    private static partial Regex RadixIntegerPattern();

    [GeneratedRegex(@"^[+-]?(0|[1-9](_?[0-9])*)((\.[0-9](_?[0-9])*)([eE][+-]?[0-9](_?[0-9])*)?|[eE][+-]?[0-9](_?[0-9])*)$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?$")]
    private static partial Regex LocalDateTimePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex OffsetDateTimePattern();
}
