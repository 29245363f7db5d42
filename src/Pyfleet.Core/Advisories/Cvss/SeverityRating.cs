namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>Qualitative rating, ordered so thresholds (<c>--fail-on</c>) compare with &gt;=.</summary>
public enum SeverityRating
{
    /// <summary>No CVSS vector and no database severity: never guessed.</summary>
    Unknown = 0,
    None = 1,
    Low = 2,
    Medium = 3,
    High = 4,
    Critical = 5,
}
