namespace Pyfleet.Core.Toml;

/// <summary>How a table was created, which decides whether a later header or key may extend it (TOML 1.0 "Table" rules).</summary>
public enum TomlTableOrigin
{
    /// <summary>Created by a <c>[header]</c> (or the root).</summary>
    Header,

    /// <summary>Created implicitly as the parent of a header (<c>[a.b]</c> creates <c>a</c>); a later <c>[a]</c> may define it once.</summary>
    Implicit,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>); cannot be reopened by a header.</summary>
    Dotted,

    /// <summary>An inline table <c>{ ... }</c>; closed, never extended.</summary>
    Inline,
}
