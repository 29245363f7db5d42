namespace Pyfleet.Core.Toml;

/// <summary>The document level of the TOML grammar: expressions, table headers and the table-definition rules.</summary>
internal sealed partial class TomlDocumentReader
{
    private readonly string _text;
    private readonly string? _path;
    private readonly int[] _lineStarts;
    private readonly int _maxDepth;
    private int _pos;
    private int _depth;

    public TomlDocumentReader(string text, string? path, int maxDepth = 128)
    {
        _text = text;
        _path = path;
        _maxDepth = maxDepth;
        _lineStarts = ComputeLineStarts(text);
    }

    public TomlTable Read()
    {
        var root = new TomlTable(1);
        var current = root;
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                return root;
            }

            var c = _text[_pos];
            if (c == '#')
            {
                SkipComment();
            }
            else if (c == '[')
            {
                current = ReadHeader(root);
            }
            else if (!IsNewlineStart())
            {
                ReadKeyValue(current);
            }

            ExpectEndOfLine();
        }
    }

    private TomlTable ReadHeader(TomlTable root)
    {
        var line = LineAt(_pos);
        var arrayOfTables = _pos + 1 < _text.Length && _text[_pos + 1] == '[';
        _pos += arrayOfTables ? 2 : 1;
        SkipWhitespace();
        var keys = ReadDottedKey();
        SkipWhitespace();
        if (!Consume(']') || (arrayOfTables && !Consume(']')))
        {
            throw Error(arrayOfTables ? "expected ']]' to close the array-of-tables header" : "expected ']' to close the table header");
        }

        var parent = root;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            parent = DescendForHeader(parent, keys[i], line);
        }

        var last = keys[^1];
        if (arrayOfTables)
        {
            var table = new TomlTable(line);
            if (!parent.TryGetValue(last, out var existing))
            {
                var array = new TomlArray(line, isArrayOfTables: true);
                array.Add(table);
                parent.Add(last, array);
            }
            else if (existing is TomlArray { IsArrayOfTables: true } array)
            {
                array.Add(table);
            }
            else
            {
                throw Error($"'{string.Join('.', keys)}' is already defined and is not an array of tables", line);
            }

            return table;
        }

        if (!parent.TryGetValue(last, out var node))
        {
            var table = new TomlTable(line);
            parent.Add(last, table);
            return table;
        }

        if (node is TomlTable { Origin: TomlTableOrigin.Implicit } implicitTable)
        {
            implicitTable.Origin = TomlTableOrigin.Header;
            return implicitTable;
        }

        throw Error($"table '{string.Join('.', keys)}' is defined more than once", line);
    }

    private TomlTable DescendForHeader(TomlTable parent, string key, int line)
    {
        if (!parent.TryGetValue(key, out var node))
        {
            var table = new TomlTable(line, TomlTableOrigin.Implicit);
            parent.Add(key, table);
            return table;
        }

        return node switch
        {
            TomlTable { Origin: not TomlTableOrigin.Inline } table => table,
            TomlArray { IsArrayOfTables: true, Count: > 0 } array => (TomlTable)array[^1],
            _ => throw Error($"'{key}' is already defined as a value, not a table", line),
        };
    }

    /// <summary>Reads <c>key = value</c> into <paramref name="table"/>; dotted keys create (or extend) dotted tables only.</summary>
    private void ReadKeyValue(TomlTable table)
    {
        var line = LineAt(_pos);
        var keys = ReadDottedKey();
        SkipWhitespace();
        if (!Consume('='))
        {
            throw Error($"expected '=' after key '{string.Join('.', keys)}'");
        }

        SkipWhitespace();
        var target = table;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            if (!target.TryGetValue(keys[i], out var node))
            {
                var created = new TomlTable(line, TomlTableOrigin.Dotted);
                target.Add(keys[i], created);
                target = created;
            }
            else if (node is TomlTable { Origin: TomlTableOrigin.Dotted or TomlTableOrigin.Implicit } existing)
            {
                target = existing;
            }
            else
            {
                throw Error($"cannot add keys to '{string.Join('.', keys.Take(i + 1))}': it is already defined", line);
            }
        }

        if (target.ContainsKey(keys[^1]))
        {
            throw Error($"duplicate key '{string.Join('.', keys)}'", line);
        }

        target.Add(keys[^1], ReadValue());
    }

    private List<string> ReadDottedKey()
    {
        var keys = new List<string> { ReadSimpleKey() };
        while (true)
        {
            var save = _pos;
            SkipWhitespace();
            if (!Consume('.'))
            {
                _pos = save;
                return keys;
            }

            SkipWhitespace();
            keys.Add(ReadSimpleKey());
        }
    }

    private string ReadSimpleKey()
    {
        if (AtEnd)
        {
            throw Error("expected a key");
        }

        var c = _text[_pos];
        if (c == '"')
        {
            return ReadBasicString();
        }

        if (c == '\'')
        {
            return ReadLiteralString();
        }

        var start = _pos;
        while (!AtEnd && IsBareKeyChar(_text[_pos]))
        {
            _pos++;
        }

        return _pos > start ? _text[start.._pos] : throw Error($"unexpected character '{Printable(c)}' where a key was expected");
    }

    private static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
