using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Core.Reporting.CycloneDx.Internal;

/// <summary>CycloneDX rating fields of a computed severity (https://cyclonedx.org/docs/1.6/json/#vulnerabilities_items_ratings).</summary>
internal static class Ratings
{
    /// <summary>The scoring method of a severity's origin: its CVSS vector's version, else <c>other</c>.</summary>
    public static string Method(CvssScore severity) => severity.Origin switch
    {
        var v when v.StartsWith("CVSS:4.0/", StringComparison.Ordinal) => "CVSSv4",
        var v when v.StartsWith("CVSS:3.1/", StringComparison.Ordinal) => "CVSSv31",
        var v when v.StartsWith("CVSS:3.0/", StringComparison.Ordinal) => "CVSSv3",
        var v when v.StartsWith("AV:", StringComparison.Ordinal) || v.StartsWith("(AV:", StringComparison.Ordinal) => "CVSSv2",
        _ => "other",
    };

    /// <summary>The vector, when the severity was computed from one.</summary>
    public static string? Vector(CvssScore severity) => Method(severity) == "other" ? null : severity.Origin;

    public static string Severity(SeverityRating rating) => rating switch
    {
        SeverityRating.Critical => "critical",
        SeverityRating.High => "high",
        SeverityRating.Medium => "medium",
        SeverityRating.Low => "low",
        SeverityRating.None => "none",
        _ => "unknown",
    };
}
