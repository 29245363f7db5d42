namespace Pyfleet.Core.Advisories.Osv;

/// <summary>A range: <c>ECOSYSTEM</c>, <c>SEMVER</c> or <c>GIT</c> with its events (FORMATS.md §6.2).</summary>
public sealed record OsvRange
{
    public string? Type { get; init; }
    public string? Repo { get; init; }
    public IReadOnlyList<OsvEvent>? Events { get; init; }
}
