using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pyfleet.Core.Advisories.Cvss;

/// <summary>
/// A parsed CVSS v4.0 vector (<c>CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N</c>), per the FIRST
/// specification, section "Vector String" (<see href="https://www.first.org/cvss/v4.0/specification-document#Vector-String"/>). The eleven
/// Base metrics are mandatory; Threat (E), Environmental (CR IR AR MAV … MSA) and Supplemental (S AU R V RE U) metrics
/// are optional and default to <c>X</c> (Not Defined). A metric may not repeat and values are case-sensitive.
/// Named policy on ORDER: the specification lists a canonical order (Base, Threat, Environmental, Supplemental) but
/// its text is not consistent about requiring it, and real advisories (e.g. GHSA records with <c>VC/SC/VI/SI/VA/SA</c>) are not canonical, so
/// any order is accepted — as the Red Hat <c>cvss</c> Python library and Clair do. The order never changes the score.
/// </summary>
public sealed class Cvss4Vector
{
    /// <summary>Prefix every v4.0 vector starts with.</summary>
    public const string Prefix = "CVSS:4.0/";

    // Allowed values per metric, from the specification's metric tables (also Vector.METRICS in the reference
    // calculator cvss40.js). The first group is the eleven mandatory Base metrics.
    private static readonly string[] _baseMetrics = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];
    private static readonly string[] _environmentalMetrics =
        ["CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA"];

    private static readonly FrozenDictionary<string, string[]> _allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"],
        ["AC"] = ["L", "H"],
        ["AT"] = ["N", "P"],
        ["PR"] = ["N", "L", "H"],
        ["UI"] = ["N", "P", "A"],
        ["VC"] = ["N", "L", "H"],
        ["VI"] = ["N", "L", "H"],
        ["VA"] = ["N", "L", "H"],
        ["SC"] = ["N", "L", "H"],
        ["SI"] = ["N", "L", "H"],
        ["SA"] = ["N", "L", "H"],
        ["E"] = ["X", "A", "P", "U"],
        ["CR"] = ["X", "H", "M", "L"],
        ["IR"] = ["X", "H", "M", "L"],
        ["AR"] = ["X", "H", "M", "L"],
        ["MAV"] = ["X", "N", "A", "L", "P"],
        ["MAC"] = ["X", "L", "H"],
        ["MAT"] = ["X", "N", "P"],
        ["MPR"] = ["X", "N", "L", "H"],
        ["MUI"] = ["X", "N", "P", "A"],
        ["MVC"] = ["X", "H", "L", "N"],
        ["MVI"] = ["X", "H", "L", "N"],
        ["MVA"] = ["X", "H", "L", "N"],
        ["MSC"] = ["X", "H", "L", "N"],
        ["MSI"] = ["X", "S", "H", "L", "N"],
        ["MSA"] = ["X", "S", "H", "L", "N"],
        ["S"] = ["X", "N", "P"],
        ["AU"] = ["X", "N", "Y"],
        ["R"] = ["X", "A", "U", "I"],
        ["V"] = ["X", "D", "C"],
        ["RE"] = ["X", "L", "M", "H"],
        ["U"] = ["X", "Clear", "Green", "Amber", "Red"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _metrics;

    private Cvss4Vector(string text, Dictionary<string, string> metrics)
    {
        Text = text;
        _metrics = metrics;
    }

    /// <summary>The vector as given.</summary>
    public string Text { get; }

    /// <summary>
    /// Nomenclature (specification, "CVSS Nomenclature"): <c>CVSS-B</c>, plus <c>T</c> when a Threat metric and <c>E</c> when an
    /// Environmental metric is defined (not <c>X</c>).
    /// </summary>
    public string Nomenclature =>
        "CVSS-B" + (Get("E") != "X" ? "T" : "") + (_environmentalMetrics.Any(m => Get(m) != "X") ? "E" : "");

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Cvss4Vector? vector, out Cvss4ParseError error)
    {
        vector = null;
        if (string.IsNullOrEmpty(text) || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = Cvss4ParseError.MissingPrefix;
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in text[Prefix.Length..].Split('/'))
        {
            var colon = component.IndexOf(':');
            if (colon <= 0 || colon == component.Length - 1)
            {
                error = Cvss4ParseError.MalformedComponent;
                return false;
            }

            var key = component[..colon];
            var value = component[(colon + 1)..];
            if (!_allowed.TryGetValue(key, out var values))
            {
                error = Cvss4ParseError.UnknownMetric;
                return false;
            }

            if (Array.IndexOf(values, value) < 0)
            {
                error = Cvss4ParseError.InvalidValue;
                return false;
            }

            if (!metrics.TryAdd(key, value))
            {
                error = Cvss4ParseError.DuplicateMetric;
                return false;
            }
        }

        if (_baseMetrics.Any(m => !metrics.ContainsKey(m)))
        {
            error = Cvss4ParseError.MissingBaseMetric;
            return false;
        }

        vector = new Cvss4Vector(text, metrics);
        error = Cvss4ParseError.None;
        return true;
    }

    /// <summary>The value given for <paramref name="metric"/>, or <c>X</c> (Not Defined) when absent.</summary>
    public string Get(string metric) => _metrics.TryGetValue(metric, out var value) ? value : "X";

    /// <summary>
    /// The value scoring uses (reference <c>getEffectiveMetricValue</c>): E:X counts as E:A and
    /// CR/IR/AR:X as H (worst case); a defined modified metric (<c>MAV</c> …) replaces its base metric.
    /// </summary>
    public string Effective(string metric)
    {
        var selected = Get(metric);
        if (selected == "X")
        {
            switch (metric)
            {
                case "E":
                    return "A";
                case "CR" or "IR" or "AR":
                    return "H";
            }
        }

        return _metrics.TryGetValue("M" + metric, out var modified) && modified != "X" ? modified : selected;
    }
}
