namespace Pyfleet.Core.Fleet.Events;

/// <summary>What happened to one item of a <see cref="FleetEvent"/>.</summary>
public static class FleetEventChanges
{
    public const string New = "new";
    public const string Changed = "changed";
    public const string Withdrawn = "withdrawn";
    public const string EolSoon = "eol-soon";
    public const string EolPassed = "eol";
    public const string Yanked = "yanked";
}
