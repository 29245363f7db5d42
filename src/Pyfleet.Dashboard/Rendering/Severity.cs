namespace Pyfleet.Dashboard.Rendering;

/// <summary>Severities in the order people triage them, with the badge class that repeats the word in colour.</summary>
public static class Severity
{
    public static IReadOnlyList<string> All { get; } = ["critical", "high", "medium", "low", "unknown"];

    public static string Css(string? severity) => "sev sev-" + (severity is { } s && All.Contains(s) ? s : "unknown");

    public static int Rank(string? severity) => severity is null ? All.Count : All.IndexOf(severity) is var i and >= 0 ? i : All.Count - 1;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
