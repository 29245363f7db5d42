namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>A computed severity: base score (null when only a qualitative rating is known), rating, and where it came from.</summary>
public sealed record CvssScore(double? Score, SeverityRating Rating, string Origin)
{
    /// <summary>The <c>unknown</c> severity, used when a record carries nothing usable.</summary>
    public static CvssScore Unknown { get; } = new(null, SeverityRating.Unknown, "none");

    /// <summary>CVSS v3.x / v4.0 qualitative rating scale (both specs use the same bands).</summary>
    public static SeverityRating RatingFor(double score) => score switch
    {
        0 => SeverityRating.None,
        < 4.0 => SeverityRating.Low,
        < 7.0 => SeverityRating.Medium,
        < 9.0 => SeverityRating.High,
        _ => SeverityRating.Critical,
    };
}
