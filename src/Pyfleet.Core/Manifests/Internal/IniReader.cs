namespace Pyfleet.Core.Manifests.Internal;

/// <summary>
/// The INI dialect shared by Python's <c>configparser</c> (setup.cfg) and zc.buildout: <c>[section]</c>,
/// <c>key = value</c> (configparser also <c>key: value</c>), continuation lines start with whitespace, whole-line
/// comments (<c>#</c>, <c>;</c>). configparser keeps an inline <c># note</c> in the value (setuptools sets no
/// inline comment prefixes); buildout drops a <c>#</c> or <c>;</c> comment that follows whitespace
/// (<see cref="StripInlineComment"/>, FORMATS.md §5.6–5.7).
/// Not a general INI parser: each format interprets the entries itself.
/// </summary>
internal static class IniReader
{
    /// <summary>Reads every entry; a line that is neither is reported through <paramref name="error"/>.</summary>
    public static List<IniEntry> Read(TextReader reader, bool buildoutOperators, Action<int, string> error)
    {
        var entries = new List<IniEntry>();
        string? section = null;
        (string Key, string Operator, List<(string, int)> Lines, int Line)? current = null;
        var number = 0;

        void Flush()
        {
            if (current is { } c && section is not null)
            {
                entries.Add(new IniEntry(section, c.Key, c.Operator, c.Lines, c.Line));
            }

            current = null;
        }

        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.StartsWith('#') || trimmed.StartsWith(';'))
            {
                continue;
            }

            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && current is not null)
            {
                // Continuation (blank lines inside a value are kept by configparser; trimmed at the end).
                current.Value.Lines.Add((buildoutOperators ? StripInlineComment(line).Trim() : trimmed, number));
                continue;
            }

            if (trimmed.Length == 0)
            {
                continue;
            }

            Flush();
            if (trimmed.StartsWith('['))
            {
                var close = trimmed.LastIndexOf(']');
                if (close < 0)
                {
                    error(number, $"section header without ']': {trimmed}");
                    continue;
                }

                section = trimmed[1..close].Trim();
                continue;
            }

            if (section is null)
            {
                error(number, "key outside any [section]");
                continue;
            }

            var (key, op, value) = Split(trimmed, buildoutOperators);
            if (key is null)
            {
                error(number, $"expected 'key = value': {trimmed}");
                continue;
            }

            current = (key, op, [(value, number)], number);
        }

        Flush();
        return entries;
    }

    private static (string? Key, string Operator, string Value) Split(string line, bool buildoutOperators)
    {
        var equals = line.IndexOf('=');
        var colon = buildoutOperators ? -1 : line.IndexOf(':');
        var at = equals < 0 ? colon : colon < 0 ? equals : Math.Min(equals, colon);
        if (at <= 0)
        {
            return (null, "=", "");
        }

        var op = "=";
        var keyEnd = at;
        if (buildoutOperators && line[at] == '=' && line[at - 1] is '+' or '-')
        {
            op = line[at - 1] + "=";
            keyEnd = at - 1;
        }

        var value = line[(at + 1)..];
        return (line[..keyEnd].Trim(), op, (buildoutOperators ? StripInlineComment(value) : value).Trim());
    }

    /// <summary>
    /// zc.buildout's inline comments: a <c>#</c> or <c>;</c> that follows whitespace starts a comment
    /// (<c>Django = 3.2.18  # LTS</c> pins 3.2.18); one inside a word (<c>url#egg</c>) does not.
    /// </summary>
    public static string StripInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i].TrimEnd();
            }
        }

        return value;
    }
}
