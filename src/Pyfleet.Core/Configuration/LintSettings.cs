namespace Pyfleet.Core.Configuration;

/// <summary><c>[lint]</c>: rules off by default and the allowed indexes (the command line adds to them).</summary>
public sealed record LintSettings
{
    /// <summary><c>lint.disable</c>: rule ids or names.</summary>
    public IReadOnlyList<string> Disable { get; init; } = [];

    /// <summary><c>lint.allowed-indexes</c>: index URLs allowed in requirements files; empty: the rule is off.</summary>
    public IReadOnlyList<string> AllowedIndexes { get; init; } = [];
}
