namespace Pyfleet.Core.Toml;

/// <summary>A node of a parsed TOML document; every node knows the 1-based line it was defined on.</summary>
public abstract class TomlNode
{
    protected TomlNode(int line) => Line = line;

    /// <summary>1-based line where the value (or table header) starts.</summary>
    public int Line { get; }
}
