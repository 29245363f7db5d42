using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Auditing;

/// <summary>Severity names shared by every audit report and the <c>--fail-on</c> threshold.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name reports use (<c>critical</c>, <c>unknown</c>).</summary>
    public static string Of(SeverityRating rating) => rating switch
    {
        SeverityRating.Low => "low",
        SeverityRating.Medium => "medium",
        SeverityRating.High => "high",
        SeverityRating.Critical => "critical",
        _ => rating.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a threshold (<c>low|medium|moderate|high|critical</c>); null stays null (any finding fails).</summary>
    public static SeverityRating? ParseThreshold(string? text, string optionName = "--fail-on") => text?.ToLowerInvariant() switch
    {
        null => null,
        "low" => SeverityRating.Low,
        "medium" or "moderate" => SeverityRating.Medium,
        "high" => SeverityRating.High,
        "critical" => SeverityRating.Critical,
        _ => throw new PyfleetException($"{optionName} must be low, medium, high or critical, not '{text}'"),
    };
}
