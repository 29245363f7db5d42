namespace Pyfleet.Core.Policy;

/// <summary>A requirement as the rules see it, whatever format it came from.</summary>
internal sealed record LintEntry(
    string Name,
    string? Version,
    string? Specifier,
    string? Marker,
    IReadOnlyList<string> Extras,
    IReadOnlyList<string> Hashes,
    bool IsDirectReference,
    bool IsEditable,
    bool IsConstraint,
    string Path,
    int? Line);
