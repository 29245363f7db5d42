using System.Diagnostics.CodeAnalysis;

namespace Pyfleet.Core.Toml;

/// <summary>A TOML table; keys keep document order.</summary>
public sealed class TomlTable : TomlNode, IReadOnlyDictionary<string, TomlNode>
{
    private readonly Dictionary<string, TomlNode> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public TomlTable(int line, TomlTableOrigin origin = TomlTableOrigin.Header)
        : base(line) => Origin = origin;

    /// <summary>How the table came to exist; the TOML redefinition rules depend on it.</summary>
    public TomlTableOrigin Origin { get; internal set; }

    public int Count => _entries.Count;

    public IEnumerable<string> Keys => _order;

    public IEnumerable<TomlNode> Values => _order.Select(k => _entries[k]);

    public TomlNode this[string key] => _entries[key];

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TomlNode value) => _entries.TryGetValue(key, out value);

    /// <summary>The string at <paramref name="key"/>, or null when absent or not a string.</summary>
    public string? GetString(string key) => _entries.TryGetValue(key, out var node) && node is TomlValue { Value: string s } ? s : null;

    /// <summary>The boolean at <paramref name="key"/>, or null when absent or not a boolean.</summary>
    public bool? GetBoolean(string key) => _entries.TryGetValue(key, out var node) && node is TomlValue { Value: bool b } ? b : null;

    /// <summary>The integer at <paramref name="key"/>, or null when absent or not an integer.</summary>
    public long? GetInteger(string key) => _entries.TryGetValue(key, out var node) && node is TomlValue { Value: long l } ? l : null;

    /// <summary>The table at <paramref name="key"/> (header, dotted or inline), or null.</summary>
    public TomlTable? GetTable(string key) => _entries.TryGetValue(key, out var node) ? node as TomlTable : null;

    /// <summary>The array at <paramref name="key"/> (also arrays of tables), or null.</summary>
    public TomlArray? GetArray(string key) => _entries.TryGetValue(key, out var node) ? node as TomlArray : null;

    /// <summary>Follows a dotted path of table keys (<c>tool.poetry.dependencies</c> as three keys).</summary>
    public TomlTable? GetTablePath(params string[] keys)
    {
        var current = this;
        foreach (var key in keys)
        {
            current = current.GetTable(key);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    internal void Add(string key, TomlNode node)
    {
        _entries.Add(key, node);
        _order.Add(key);
    }

    public IEnumerator<KeyValuePair<string, TomlNode>> GetEnumerator() =>
        _order.Select(k => new KeyValuePair<string, TomlNode>(k, _entries[k])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
