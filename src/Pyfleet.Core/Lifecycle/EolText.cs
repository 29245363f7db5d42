using System.Globalization;

namespace Pyfleet.Core.Lifecycle;

/// <summary>
/// The lifecycle sentences every report prints, worded so they cannot contradict each other: a date in the past
/// "ended"/"since", a date ahead "on …"/"until …" with the days left, an unknown date said to be unknown, and a
/// distribution's own support (Debian LTS) folded into the line of that distribution instead of a second verdict.
/// </summary>
public static class EolText
{
    /// <summary>
    /// One line: <c>python 3.11: EOL on 2027-10-31 (in 333 days)</c>, <c>django 3.2: EOL since 2024-04-01, LTS</c>,
    /// <c>debian 12: security support ended 2026-07-11, extended support until 2028-06-30 (in 700 days)</c>,
    /// <c>python 3.11: … | debian 12 support until 2028-06-30 (in 700 days)</c> for an OS-managed copy. Empty when nothing is known.
    /// </summary>
    public static string Describe(EolStatus? status)
    {
        if (status is null)
        {
            return "";
        }

        var parts = new List<string>();
        var sameAsDistribution = status.Distribution is { } d && d.Product == status.Product && d.Cycle == status.Cycle;
        if (status.Cycle is not null)
        {
            parts.Add($"{status.Product} {status.Cycle}: {Upstream(status)}{(status.IsLts ? ", LTS" : "")}");
        }

        if (status.Distribution is { } distribution && !sameAsDistribution)
        {
            parts.Add($"{distribution.Product} {distribution.Cycle} support {Span(distribution.SupportEnd, distribution.IsEol, Days(distribution.SupportEnd, status))}");
        }

        return string.Join(" | ", parts);
    }

    /// <summary><c>eol show</c>: the verdict, active support, LTS and the latest release of the cycle.</summary>
    public static string Show(EolStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var active = status.ActiveSupportEnd is { } end ? Span(end, status.PastActiveSupport, null)
            : status.PastActiveSupport ? "ended (date unknown)" : "end date unknown";
        return $"{status.Product} {status.Cycle}: {Upstream(status)}; active support {active}; LTS {(status.IsLts ? "yes" : "no")}; latest {status.LatestInCycle ?? "unknown"}";
    }

    private static string Upstream(EolStatus status)
    {
        if (status.ExtendedSupportEnd is { } extended && status.EolDate is { } standard)
        {
            return $"security support {Span(standard, status.IsEol, status.DaysLeft)}, extended support {Span(extended, status.ExtendedDaysLeft is < 0 or 0, status.ExtendedDaysLeft)}";
        }

        return (status.EolDate, status.IsEol) switch
        {
            ({ } date, true) => $"EOL since {Format(date)}",
            ({ } date, false) => $"EOL on {Format(date)}{(status.DaysLeft is { } days ? $" ({InDays(days)})" : "")}",
            (null, true) => "EOL (date unknown)",
            (null, false) => "supported (no EOL date announced)",
        };
    }

    private static string Span(DateOnly? date, bool ended, int? daysLeft) => (date, ended) switch
    {
        ({ } d, true) => $"ended {Format(d)}",
        ({ } d, false) => $"until {Format(d)}{(daysLeft is { } days ? $" ({InDays(days)})" : "")}",
        (null, true) => "ended",
        (null, false) => "with no end announced",
    };

    // Days to a distribution's end, from the status's own as-of (recovered from its EOL countdown when there is one).
    private static int? Days(DateOnly? end, EolStatus status) =>
        end is { } e && status.EolDate is { } eol && status.DaysLeft is { } left ? e.DayNumber - (eol.DayNumber - left) : null;

    private static string InDays(int days) => days == 1 ? "in 1 day" : days == 0 ? "today" : $"in {days} days";

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
