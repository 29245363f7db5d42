using System.Text.Json;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// The severity of a record for one affected entry. Order of preference (named policy, as OSV/GHSA consumers do:
/// the highest CVSS version available): a valid CVSS v4.0 vector (<see cref="Cvss4Calculator"/>), then a CVSS v3.x
/// vector (<see cref="Cvss3Calculator"/>) — scores computed here, FORMATS.md §6.1 "compute numbers yourself" — then
/// GHSA's <c>database_specific.severity</c> as a rating without a score, else <see cref="CvssScore.Unknown"/>.
/// An invalid vector is skipped, never guessed from.
/// </summary>
public static class SeverityEvaluator
{
    /// <summary>Evaluates the severity of <paramref name="record"/> as it applies to <paramref name="affected"/>.</summary>
    public static CvssScore Evaluate(OsvRecord record, OsvAffected? affected = null) => Evaluate(record, affected, null);

    /// <summary>
    /// As above, scoring each distinct vector once across calls that share <paramref name="scores"/> (an export
    /// repeats the same few hundred vectors thousands of times).
    /// </summary>
    public static CvssScore Evaluate(OsvRecord record, OsvAffected? affected, VectorScores? scores)
    {
        // Schema: when affected[].severity exists the top-level one must not, so take whichever is present.
        var entries = affected?.Severity is { Count: > 0 } own ? own : record.Severity ?? [];
        foreach (var entry in entries)
        {
            if (entry is { Type: "CVSS_V4", Score: { } vector } && Score(vector, scores?.V4, Cvss4Calculator.TryScore) is { } v4)
            {
                return new CvssScore(v4, CvssScore.RatingFor(v4), vector);
            }
        }

        foreach (var entry in entries)
        {
            if (entry is { Type: "CVSS_V3", Score: { } vector } && Score(vector, scores?.V3, Cvss3Calculator.TryScore) is { } v3)
            {
                return new CvssScore(v3, CvssScore.RatingFor(v3), vector);
            }
        }

        return FromDatabaseSpecific(affected?.DatabaseSpecific) ?? FromDatabaseSpecific(record.DatabaseSpecific) ?? CvssScore.Unknown;
    }

    private delegate bool Calculator(string vector, out double score);

    private static double? Score(string vector, Dictionary<string, Scored>? scores, Calculator calculator)
    {
        if (scores is not null && scores.TryGetValue(vector, out var known))
        {
            return known.Score;
        }

        double? score = calculator(vector, out var value) ? value : null;
        if (scores is not null)
        {
            scores[vector] = new Scored(score);
        }

        return score;
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

    /// <summary>Scores already computed, per vector, for each calculator (a record may label a vector wrongly).</summary>
    public sealed class VectorScores
    {
        // Values are objects: a dictionary over a value type is compiled at run time on every start.
        internal Dictionary<string, Scored> V3 { get; } = new(StringComparer.Ordinal);

        internal Dictionary<string, Scored> V4 { get; } = new(StringComparer.Ordinal);
    }

    internal sealed record Scored(double? Score);
}
