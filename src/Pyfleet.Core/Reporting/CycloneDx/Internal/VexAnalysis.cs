using Pyfleet.Core.Auditing;

namespace Pyfleet.Core.Reporting.CycloneDx.Internal;

/// <summary>
/// A suppression as a CycloneDX VEX analysis (https://cyclonedx.org/docs/1.6/json/#vulnerabilities_items_analysis):
/// the reason's words pick the state and justification — a reason may also start with the CycloneDX value itself
/// (<c>code_not_reachable: …</c>); the reason text is always kept as <c>detail</c>.
/// </summary>
internal static class VexAnalysis
{
    public sealed record Analysis(string State, string? Justification, string Detail, string? Response);

    private static readonly string[] Justifications =
    [
        "code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
        "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
    ];

    private static readonly (string Words, string Justification)[] Keywords =
    [
        ("not reachable", "code_not_reachable"), ("unreachable", "code_not_reachable"), ("never called", "code_not_reachable"),
        ("not used", "code_not_present"), ("unused", "code_not_present"), ("not present", "code_not_present"), ("not installed", "code_not_present"),
        ("configuration", "requires_configuration"), ("not configured", "requires_configuration"),
        ("requires dependency", "requires_dependency"), ("environment", "requires_environment"),
        ("perimeter", "protected_at_perimeter"), ("firewall", "protected_at_perimeter"), ("waf", "protected_at_perimeter"),
        ("runtime", "protected_at_runtime"), ("compiler", "protected_by_compiler"), ("mitigat", "protected_by_mitigating_control"),
    ];

    /// <summary>An open finding: affected and not analysed yet.</summary>
    public static Analysis Open { get; } = new("in_triage", null, "The installed version is in an affected range; no suppression covers it.", null);

    public static Analysis Of(Suppression suppression)
    {
        var reason = suppression.Reason.Trim();
        var lower = reason.ToLowerInvariant();
        var detail = suppression.Expires is { } expires ? $"{reason} (suppressed until {expires:yyyy-MM-dd})" : reason;
        if (lower.Contains("false positive", StringComparison.Ordinal) || lower.StartsWith("false_positive", StringComparison.Ordinal))
        {
            return new("false_positive", null, detail, null);
        }

        if (lower.StartsWith("in_triage", StringComparison.Ordinal) || lower.Contains("investigat", StringComparison.Ordinal) || lower.Contains("triage", StringComparison.Ordinal))
        {
            return new("in_triage", null, detail, null);
        }

        if (lower.Contains("accepted risk", StringComparison.Ordinal) || lower.Contains("risk accepted", StringComparison.Ordinal)
            || lower.Contains("will not fix", StringComparison.Ordinal) || lower.Contains("won't fix", StringComparison.Ordinal))
        {
            return new("exploitable", null, detail, "will_not_fix");
        }

        var explicitJustification = Array.Find(Justifications, j => lower.StartsWith(j, StringComparison.Ordinal) || lower.StartsWith(j.Replace('_', ' '), StringComparison.Ordinal));
        var justification = explicitJustification ?? Array.Find(Keywords, k => lower.Contains(k.Words, StringComparison.Ordinal)).Justification;
        return new("not_affected", justification, detail, null);
    }
}
