using System.Text.Json;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// The severity of a record for one affected entry. Order of preference (named policy): a CVSS v3.x vector (score
/// computed here, FORMATS.md §6.1 "compute numbers yourself"), then GHSA's <c>database_specific.severity</c> as a
/// rating without a score, else <see cref="CvssScore.Unknown"/>. CVSS v4.0 vectors are NOT scored in this build
/// (the MacroVector scoring is not implemented yet); a record with only a v4 vector falls through to the database
/// rating or unknown. The recorded PyPI export carries no CVSS_V4 vectors.
/// </summary>
public static class SeverityEvaluator
{
    /// <summary>Evaluates the severity of <paramref name="record"/> as it applies to <paramref name="affected"/>.</summary>
    public static CvssScore Evaluate(OsvRecord record, OsvAffected? affected = null)
    {
        // Schema: when affected[].severity exists the top-level one must not, so take whichever is present.
        var entries = affected?.Severity is { Count: > 0 } own ? own : record.Severity ?? [];
        foreach (var entry in entries)
        {
            if (entry is { Type: "CVSS_V3", Score: { } vector } && Cvss3Calculator.TryScore(vector, out var v3))
            {
                return new CvssScore(v3, CvssScore.RatingFor(v3), vector);
            }
        }

        return FromDatabaseSpecific(affected?.DatabaseSpecific) ?? FromDatabaseSpecific(record.DatabaseSpecific) ?? CvssScore.Unknown;
    }

    private static CvssScore? FromDatabaseSpecific(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty("severity", out var severity)
            || severity.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        SeverityRating? rating = severity.GetString()?.ToUpperInvariant() switch
        {
            "LOW" => SeverityRating.Low,
            "MODERATE" or "MEDIUM" => SeverityRating.Medium,
            "HIGH" => SeverityRating.High,
            "CRITICAL" => SeverityRating.Critical,
            _ => null,
        };
        return rating is null ? null : new CvssScore(null, rating.Value, "database_specific.severity");
    }
}
