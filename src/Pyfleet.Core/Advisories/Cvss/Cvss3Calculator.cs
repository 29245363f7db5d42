namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// CVSS v3.0 / v3.1 base score from a vector (<c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c>), per the
/// FIRST specification §7.1 (<see href="https://www.first.org/cvss/v3.1/specification-document#7-1-Base-Metrics-Equations"/>)
/// and Appendix A (Roundup). Temporal/environmental metrics in the vector are ignored: OSV asks for the base score.
/// </summary>
public static class Cvss3Calculator
{
    /// <summary>Computes the base score, or returns false when the vector is not a complete v3 base vector.</summary>
    public static bool TryScore(string vector, out double score)
    {
        score = 0;
        var parts = vector.Trim().Split('/');
        if (parts.Length < 9 || !parts[0].StartsWith("CVSS:3.", StringComparison.Ordinal))
        {
            return false;
        }

        var is31 = parts[0] == "CVSS:3.1";
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.AsSpan(1))
        {
            var colon = part.IndexOf(':');
            if (colon <= 0 || !metrics.TryAdd(part[..colon], part[(colon + 1)..]))
            {
                return false;
            }
        }

        if (!TryGet(metrics, "S", out var scope) || scope is not ("U" or "C"))
        {
            return false;
        }

        var changed = scope == "C";
        double? av = Get(metrics, "AV") switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => null };
        double? ac = Get(metrics, "AC") switch { "L" => 0.77, "H" => 0.44, _ => null };
        double? pr = Get(metrics, "PR") switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => null };
        double? ui = Get(metrics, "UI") switch { "N" => 0.85, "R" => 0.62, _ => null };
        var c = Cia(Get(metrics, "C"));
        var i = Cia(Get(metrics, "I"));
        var a = Cia(Get(metrics, "A"));
        if (av is null || ac is null || pr is null || ui is null || c is null || i is null || a is null)
        {
            return false;
        }

        var iss = 1 - ((1 - c.Value) * (1 - i.Value) * (1 - a.Value));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        var exploitability = 8.22 * av.Value * ac.Value * pr.Value * ui.Value;
        if (impact <= 0)
        {
            score = 0;
            return true;
        }

        var raw = changed ? Math.Min(1.08 * (impact + exploitability), 10) : Math.Min(impact + exploitability, 10);
        score = is31 ? Roundup31(raw) : Math.Ceiling(raw * 10) / 10;
        return true;
    }

    /// <summary>CVSS 3.1 Appendix A Roundup: avoids floating-point artefacts such as 4.000000001 → 4.1.</summary>
    internal static double Roundup31(double value)
    {
        var intInput = (long)Math.Round(value * 100000);
        return intInput % 10000 == 0 ? intInput / 100000.0 : (Math.Floor(intInput / 10000.0) + 1) / 10.0;
    }

    private static double? Cia(string? value) => value switch { "H" => 0.56, "L" => 0.22, "N" => 0, _ => null };

    private static string? Get(Dictionary<string, string> metrics, string key) => metrics.TryGetValue(key, out var v) ? v : null;

    private static bool TryGet(Dictionary<string, string> metrics, string key, out string value) => metrics.TryGetValue(key, out value!);
}
