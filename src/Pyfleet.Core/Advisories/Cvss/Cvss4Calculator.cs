using System.Collections.Frozen;

namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// CVSS v4.0 score (CVSS-B, or CVSS-BT / -BE / -BTE when the vector carries Threat / Environmental metrics), per
/// the FIRST specification, section "CVSS v4.0 Scoring" (<see href="https://www.first.org/cvss/v4.0/specification-document"/>)
/// and its reference implementation (RedHatProductSecurity/cvss-v4-calculator, <c>cvss40.js</c>
/// <c>CVSS40.calculateScore</c>), ported step for step with the same floating-point operation order so scores
/// match it exactly. Supplemental metrics never change the score.
/// </summary>
public static class Cvss4Calculator
{
    private const double Step = 0.1;
    private const double Epsilon = 1e-6;

    private static readonly string[] _impactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    // Severity level of each metric value inside its EQ (reference METRIC_LEVELS); used to measure how far a vector
    // is below the highest-severity vector of its MacroVector. Keys in the reference's order.
    private static readonly (string Metric, FrozenDictionary<string, double> Levels)[] _metricLevels =
    [
        ("AV", Levels(("N", 0.0), ("A", 0.1), ("L", 0.2), ("P", 0.3))),
        ("PR", Levels(("N", 0.0), ("L", 0.1), ("H", 0.2))),
        ("UI", Levels(("N", 0.0), ("P", 0.1), ("A", 0.2))),
        ("AC", Levels(("L", 0.0), ("H", 0.1))),
        ("AT", Levels(("N", 0.0), ("P", 0.1))),
        ("VC", Levels(("H", 0.0), ("L", 0.1), ("N", 0.2))),
        ("VI", Levels(("H", 0.0), ("L", 0.1), ("N", 0.2))),
        ("VA", Levels(("H", 0.0), ("L", 0.1), ("N", 0.2))),
        ("SC", Levels(("H", 0.1), ("L", 0.2), ("N", 0.3))),
        ("SI", Levels(("S", 0.0), ("H", 0.1), ("L", 0.2), ("N", 0.3))),
        ("SA", Levels(("S", 0.0), ("H", 0.1), ("L", 0.2), ("N", 0.3))),
        ("CR", Levels(("H", 0.0), ("M", 0.1), ("L", 0.2))),
        ("IR", Levels(("H", 0.0), ("M", 0.1), ("L", 0.2))),
        ("AR", Levels(("H", 0.0), ("M", 0.1), ("L", 0.2))),
        ("E", Levels(("U", 0.2), ("P", 0.1), ("A", 0.0))),
    ];

    /// <summary>Scores <paramref name="vector"/>, or returns false (score 0) when it is not a valid v4.0 vector.</summary>
    public static bool TryScore(string? vector, out double score)
    {
        score = 0;
        if (!Cvss4Vector.TryParse(vector, out var parsed, out _))
        {
            return false;
        }

        score = Score(parsed);
        return true;
    }

    /// <summary>The MacroVector (six EQ digits, specification "Equivalence Sets" tables) of <paramref name="vector"/>.</summary>
    public static string MacroVector(Cvss4Vector vector)
    {
        string M(string metric) => vector.Effective(metric);

        // EQ1: 0 AV:N and PR:N and UI:N; 1 (AV:N or PR:N or UI:N) and not all three and not AV:P; 2 otherwise.
        var anyN = M("AV") == "N" || M("PR") == "N" || M("UI") == "N";
        var allN = M("AV") == "N" && M("PR") == "N" && M("UI") == "N";
        var eq1 = allN ? 0 : anyN && M("AV") != "P" ? 1 : 2;

        // EQ2: 0 AC:L and AT:N; 1 otherwise.
        var eq2 = M("AC") == "L" && M("AT") == "N" ? 0 : 1;

        // EQ3: 0 VC:H and VI:H; 1 any of VC/VI/VA high; 2 none high.
        var eq3 = M("VC") == "H" && M("VI") == "H" ? 0 : M("VC") == "H" || M("VI") == "H" || M("VA") == "H" ? 1 : 2;

        // EQ4: 0 MSI:S or MSA:S; 1 any of SC/SI/SA high; 2 otherwise.
        var eq4 = M("MSI") == "S" || M("MSA") == "S" ? 0 : M("SC") == "H" || M("SI") == "H" || M("SA") == "H" ? 1 : 2;

        // EQ5: E:A 0, E:P 1, E:U 2 (E:X counts as A).
        var eq5 = M("E") switch { "A" => 0, "P" => 1, _ => 2 };

        // EQ6: 0 when a high requirement meets a high impact on the vulnerable system.
        var eq6 = (M("CR") == "H" && M("VC") == "H") || (M("IR") == "H" && M("VI") == "H") || (M("AR") == "H" && M("VA") == "H") ? 0 : 1;

        return string.Concat(eq1, eq2, eq3, eq4, eq5, eq6);
    }

    /// <summary>The score of a parsed vector, rounded to one decimal (0.0 – 10.0).</summary>
    public static double Score(Cvss4Vector vector)
    {
        // No impact on either system: 0.0 whatever the exploitability (reference "no impact" shortcut).
        if (_impactMetrics.All(m => vector.Effective(m) == "N"))
        {
            return 0.0;
        }

        var macro = MacroVector(vector);
        var eq = macro.Select(c => c - '0').ToArray();
        var value = Cvss4MacroVectorTable.Scores[macro];

        // 1a. Maximal scoring difference: score of this MacroVector minus the next lower one in each EQ (NaN when
        // there is none). EQ3 and EQ6 move together (joint levels 00, 01, 10, 11, 21): 00 has two lower neighbours, take the higher.
        var scoreEq1Lower = Lookup(eq, 0, 1);
        var scoreEq2Lower = Lookup(eq, 1, 1);
        var scoreEq3Eq6Lower = (eq[2], eq[5]) switch
        {
            (1, 1) or (0, 1) => Lookup(eq, 2, 1),
            (1, 0) => Lookup(eq, 5, 1),
            (0, 0) => Math.Max(Lookup(eq, 5, 1), Lookup(eq, 2, 1)),
            _ => Lookup(eq, 2, 1, 5, 1),
        };
        var scoreEq4Lower = Lookup(eq, 3, 1);
        var scoreEq5Lower = Lookup(eq, 4, 1);

        // 1b. Severity distance from the first highest-severity vector of the MacroVector that dominates this one.
        var distances = SeverityDistances(vector, eq);
        var distanceEq1 = distances["AV"] + distances["PR"] + distances["UI"];
        var distanceEq2 = distances["AC"] + distances["AT"];
        var distanceEq3Eq6 = distances["VC"] + distances["VI"] + distances["VA"] + distances["CR"] + distances["IR"] + distances["AR"];
        var distanceEq4 = distances["SC"] + distances["SI"] + distances["SA"];

        // 1c/1d. Proportion of the MacroVector depth (max severity, in steps of 0.1) times the scoring difference.
        var maxSeverityEq1 = Cvss4MaxSeverity.Eq1[eq[0]] * Step;
        var maxSeverityEq2 = Cvss4MaxSeverity.Eq2[eq[1]] * Step;
        var maxSeverityEq3Eq6 = Cvss4MaxSeverity.Eq3Eq6(eq[2], eq[5]) * Step;
        var maxSeverityEq4 = Cvss4MaxSeverity.Eq4[eq[3]] * Step;

        var existingLower = 0;
        double normalizedEq1 = 0, normalizedEq2 = 0, normalizedEq3Eq6 = 0, normalizedEq4 = 0, normalizedEq5 = 0;
        var available = value - scoreEq1Lower;
        if (!double.IsNaN(available))
        {
            existingLower++;
            normalizedEq1 = available * (distanceEq1 / maxSeverityEq1);
        }

        available = value - scoreEq2Lower;
        if (!double.IsNaN(available))
        {
            existingLower++;
            normalizedEq2 = available * (distanceEq2 / maxSeverityEq2);
        }

        available = value - scoreEq3Eq6Lower;
        if (!double.IsNaN(available))
        {
            existingLower++;
            normalizedEq3Eq6 = available * (distanceEq3Eq6 / maxSeverityEq3Eq6);
        }

        available = value - scoreEq4Lower;
        if (!double.IsNaN(available))
        {
            existingLower++;
            normalizedEq4 = available * (distanceEq4 / maxSeverityEq4);
        }

        available = value - scoreEq5Lower;
        if (!double.IsNaN(available))
        {
            // EQ5 has a single value per level, so its proportion is always 0; it still counts in the mean.
            existingLower++;
            normalizedEq5 = available * 0;
        }

        // 2. Mean of the proportional distances; 3. subtract it from the MacroVector score, clamp, round half up.
        var mean = existingLower == 0
            ? 0
            : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / existingLower;
        var raw = Math.Max(0, Math.Min(10, value - mean));
        return RoundHalfUp(raw);
    }

    /// <summary>
    /// One decimal, half up, with the reference's epsilon lift (<c>Math.round((value + 1e-6) * 10) / 10</c>,
    /// RedHatProductSecurity/cvss-v4-calculator PR #67 for issue #66, mirrored in the Python <c>cvss</c> PR #65):
    /// IEEE arithmetic lands exact ties one ULP low (5.8 − 0.85 = 4.949999999999999), which must round to 5.0.
    /// </summary>
    internal static double RoundHalfUp(double value) => Math.Round((value + Epsilon) * 10, MidpointRounding.AwayFromZero) / 10;

    private static Dictionary<string, double> SeverityDistances(Cvss4Vector vector, int[] eq)
    {
        Dictionary<string, double> distances = [];
        foreach (var maxVector in Cvss4MaxSeverity.MaxVectors(eq))
        {
            distances = [];
            foreach (var (metric, levels) in _metricLevels)
            {
                distances[metric] = levels[vector.Effective(metric)] - levels[maxVector[metric]];
            }

            // The first composed maximum that is at least as severe on every metric is the one to measure from.
            if (distances.Values.All(d => d >= 0))
            {
                break;
            }
        }

        return distances;
    }

    private static double Lookup(int[] eq, int index, int delta, int index2 = -1, int delta2 = 0)
    {
        Span<char> key = stackalloc char[6];
        for (var i = 0; i < 6; i++)
        {
            key[i] = (char)('0' + eq[i] + (i == index ? delta : 0) + (i == index2 ? delta2 : 0));
        }

        return Cvss4MacroVectorTable.Scores.TryGetValue(new string(key), out var score) ? score : double.NaN;
    }

    private static FrozenDictionary<string, double> Levels(params (string Value, double Level)[] levels) =>
        levels.ToFrozenDictionary(l => l.Value, l => l.Level, StringComparer.Ordinal);
}
