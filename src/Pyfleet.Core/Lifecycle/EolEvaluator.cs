using System.Globalization;

namespace Pyfleet.Core.Lifecycle;

/// <summary>
/// Matches a version to an endoflife.date cycle and judges it against an explicit as-of date. The API's
/// <c>is*</c> flags are computed when the site is built, so they are only used when the date is unknown.
/// </summary>
public sealed class EolEvaluator(DateOnly asOf, int warnDays = 90)
{
    /// <summary>The date everything is judged at.</summary>
    public DateOnly AsOf => asOf;

    /// <summary>Days ahead of EOL that count as "soon".</summary>
    public int WarnDays => warnDays;

    /// <summary>The cycle of <paramref name="version"/>: the cycle whose dotted name is the longest prefix of the version's release numbers.</summary>
    public static EolRelease? FindCycle(EolProduct product, string version)
    {
        var numbers = ReleaseNumbers(version);
        EolRelease? best = null;
        var bestLength = 0;
        foreach (var release in product.Releases)
        {
            var cycle = ReleaseNumbers(release.Name);
            if (cycle.Count == 0 || cycle.Count > numbers.Count || cycle.Count <= bestLength)
            {
                continue;
            }

            if (cycle.Select((n, i) => n == numbers[i]).All(x => x))
            {
                best = release;
                bestLength = cycle.Count;
            }
        }

        return best;
    }

    /// <summary>Evaluates <paramref name="version"/> of <paramref name="product"/>.</summary>
    public EolStatus Evaluate(EolProduct product, string version)
    {
        var cycle = FindCycle(product, version);
        if (cycle is null)
        {
            return new EolStatus { Product = product.Name };
        }

        var isEol = cycle.EolFrom is { } eol ? eol <= asOf : cycle.IsEol;
        var pastActive = cycle.EoasFrom is { } eoas ? eoas <= asOf : cycle.IsEoas || isEol;
        int? daysLeft = cycle.EolFrom is { } e ? e.DayNumber - asOf.DayNumber : null;
        return new EolStatus
        {
            Product = product.Name,
            Cycle = cycle.Name,
            EolDate = cycle.EolFrom,
            ActiveSupportEnd = cycle.EoasFrom,
            IsEol = isEol,
            PastActiveSupport = pastActive,
            IsLts = cycle.IsLts || (cycle.LtsFrom is { } lts && lts <= asOf),
            LatestInCycle = cycle.Latest?.Name,
            DaysLeft = daysLeft,
            EolSoon = !isEol && daysLeft is { } d && d <= warnDays,
            ExtendedSupportEnd = cycle.EoesFrom is { } eoes && (cycle.EolFrom is null || eoes > cycle.EolFrom) ? eoes : null,
            ExtendedDaysLeft = cycle.EoesFrom is { } x && (cycle.EolFrom is null || x > cycle.EolFrom) ? x.DayNumber - asOf.DayNumber : null,
        };
    }

    /// <summary>
    /// A distribution release's support (Debian: <c>eol</c> = end of security support, <c>eoes</c> = end of LTS;
    /// packages it ships get security fixes until the later of the two).
    /// </summary>
    public DistributionSupport? EvaluateDistribution(EolProduct distribution, string versionId)
    {
        var cycle = distribution.Releases.FirstOrDefault(r => r.Name == versionId) ?? FindCycle(distribution, versionId);
        if (cycle is null)
        {
            return null;
        }

        var end = cycle.EoesFrom is { } eoes && (cycle.EolFrom is null || eoes > cycle.EolFrom) ? eoes : cycle.EolFrom;
        var isEol = end is { } date ? date <= asOf : cycle.IsEol;
        return new DistributionSupport(distribution.Name, cycle.Name, cycle.EolFrom, cycle.EoesFrom, isEol, end);
    }

    /// <summary>The leading dot-separated integers of a version (<c>3.2.25</c> → [3,2,25]; <c>1:2.0-1</c> epochs stripped).</summary>
    internal static IReadOnlyList<int> ReleaseNumbers(string version)
    {
        var text = version.Trim();
        var colon = text.IndexOf(':');
        if (colon >= 0 && text[..colon].All(char.IsDigit))
        {
            text = text[(colon + 1)..];
        }

        var bang = text.IndexOf('!');
        if (bang >= 0)
        {
            text = text[(bang + 1)..];
        }

        var result = new List<int>();
        foreach (var part in text.Split('.'))
        {
            var digits = new string(part.TakeWhile(char.IsAsciiDigit).ToArray());
            if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                break;
            }

            result.Add(n);
            if (digits.Length != part.Length)
            {
                break; // 3.2rc1: the release part ends here
            }
        }

        return result;
    }
}
