using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Auditing;

namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>Severity names of fleet findings and their order (stored as a rank so a minimum is a range).</summary>
public static class FindingSeverity
{
    /// <summary>Names from least to most severe; the rank is the index.</summary>
    public static IReadOnlyList<string> Names { get; } = ["unknown", "low", "medium", "high", "critical"];

    /// <summary>The severity EOL findings carry.</summary>
    public const string EndOfLife = "medium";

    /// <summary>The name of a CVSS rating (<c>none</c> counts as low: an advisory still applies).</summary>
    public static string Of(SeverityRating rating) => rating == SeverityRating.None ? "low" : SeverityNames.Of(rating);

    /// <summary>0 (unknown) to 4 (critical); -1 for a name that is none of these.</summary>
    public static int Rank(string? name) => name?.ToLowerInvariant() switch
    {
        "unknown" => 0,
        "low" => 1,
        "medium" or "moderate" => 2,
        "high" => 3,
        "critical" => 4,
        _ => -1,
    };
}
