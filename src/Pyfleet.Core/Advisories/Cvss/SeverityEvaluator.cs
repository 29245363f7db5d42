using System.Text.Json;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// The severity of a record for one affected entry. Order of preference (named policy): a CVSS v4 vector, a
/// CVSS v3.x vector (score computed here, FORMATS.md §6.1 "compute numbers yourself"), then GHSA's
/// <c>database_specific.severity</c> as a rating without a score, else <see cref="CvssScore.Unknown"/>.
/// </summary>
public static class SeverityEvaluator
{
    /// <summary>Evaluates the severity of <paramref name="record"/> as it applies to <paramref name="affected"/>.</summary>
    public static CvssScore Evaluate(OsvRecord record, OsvAffected? affected = null)
    {
        // Schema: when affected[].severity exists the top-level one must not, so take whichever is present.
        var entries = affected?.Severity is { Count: > 0 } own ? own : record.Severity ?? [];
        foreach (var type in (string[])["CVSS_V4", "CVSS_V3"])
        {
            foreach (var entry in entries)
            {
                if (entry.Type != type || entry.Score is null)
                {
                    continue;
                }

                if (type == "CVSS_V4" && Cvss4Calculator.TryScore(entry.Score, out var v4))
                {
                    return new CvssScore(v4, CvssScore.RatingFor(v4), entry.Score);
                }

                if (type == "CVSS_V3" && Cvss3Calculator.TryScore(entry.Score, out var v3))
                {
                    return new CvssScore(v3, CvssScore.RatingFor(v3), entry.Score);
                }
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
