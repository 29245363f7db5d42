using Pyfleet.Core.Advisories.Cvss;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>Names shared by the table and JSON outputs and the <c>--fail-on</c> option.</summary>
internal static class AuditFormatting
{
    public static string Rating(SeverityRating rating) => rating.ToString().ToLowerInvariant();

    /// <summary>Parses a <c>--fail-on</c> value.</summary>
    public static SeverityRating? ParseThreshold(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "low" => SeverityRating.Low,
        "medium" or "moderate" => SeverityRating.Medium,
        "high" => SeverityRating.High,
        "critical" => SeverityRating.Critical,
        _ => throw new Core.Errors.PyfleetException($"--fail-on must be low, medium, high or critical, not '{text}'"),
    };
}
