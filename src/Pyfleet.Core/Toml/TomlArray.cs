namespace Pyfleet.Core.Toml;

/// <summary>A TOML array (also an array of tables, <c>[[name]]</c>).</summary>
public sealed class TomlArray : TomlNode, IReadOnlyList<TomlNode>
{
    private readonly List<TomlNode> _items = [];

    public TomlArray(int line, bool isArrayOfTables = false)
        : base(line) => IsArrayOfTables = isArrayOfTables;

    /// <summary>True for arrays created by <c>[[header]]</c>; only those can be appended to by headers.</summary>
    public bool IsArrayOfTables { get; }

    public int Count => _items.Count;

    public TomlNode this[int index] => _items[index];

    /// <summary>The tables of an array of tables (non-table items skipped).</summary>
    public IEnumerable<TomlTable> Tables => _items.OfType<TomlTable>();

    /// <summary>The string items (non-strings skipped).</summary>
    public IEnumerable<string> Strings => _items.OfType<TomlValue>().Select(v => v.Value).OfType<string>();

    internal void Add(TomlNode node) => _items.Add(node);

    public IEnumerator<TomlNode> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
