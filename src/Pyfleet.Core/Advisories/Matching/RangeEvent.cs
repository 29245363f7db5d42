namespace Pyfleet.Core.Advisories.Matching;

/// <summary>The kind of an OSV range event (FORMATS.md §6.2).</summary>
public enum RangeEventKind
{
    Introduced,
    Fixed,
    LastAffected,
}

/// <summary>A compiled event; <see cref="Version"/> null means <c>introduced: "0"</c> (before everything).</summary>
public sealed record RangeEvent(RangeEventKind Kind, EcosystemVersion? Version);
