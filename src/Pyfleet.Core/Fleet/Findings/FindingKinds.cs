namespace Pyfleet.Core.Fleet.Findings;

/// <summary>What a <see cref="FleetFinding"/> is about.</summary>
public static class FindingKinds
{
    public const string Vulnerability = "vulnerability";
    public const string EndOfLife = "eol";
    public const string Yanked = "yanked";
}
