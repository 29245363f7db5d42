namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// The smallest version above the installed one that is affected by NONE of the package's advisories. Offline,
/// the candidates are what the advisories themselves name: every <c>fixed</c> event and every enumerated version.
/// A candidate in the installed release series (same epoch, major and minor for PEP 440) wins when one exists;
/// pre-releases are candidates only when the installed version is one. Built once per package (the candidates
/// are sorted and pre-judged), then answered per installed version by a binary search.
/// </summary>
public sealed class MinimalFixFinder
{
    private readonly EcosystemVersion[] _candidates;
    private readonly bool[] _clear;

    /// <summary>Collects and judges every candidate named by <paramref name="rules"/> (all advisories of one package).</summary>
    public MinimalFixFinder(IReadOnlyList<AffectedRule> rules, VersionScheme scheme)
        : this(rules, scheme, new PackageMatcher(rules))
    {
    }

    /// <summary>As above, reusing an already built <paramref name="matcher"/> for the same rules.</summary>
    public MinimalFixFinder(IReadOnlyList<AffectedRule> rules, VersionScheme scheme, PackageMatcher matcher)
    {
        var candidates = new HashSet<EcosystemVersion>();
        foreach (var rule in rules)
        {
            foreach (var text in rule.FixedVersions)
            {
                candidates.Add(EcosystemVersion.Create(text, scheme));
            }

            candidates.UnionWith(rule.Versions);
        }

        _candidates = candidates.Where(c => c.IsParsed).Order().ToArray();
        _clear = _candidates.Select(matcher.IsClear).ToArray();
    }

    /// <summary>Returns the minimal fixing version for <paramref name="installed"/>, or null when no named version clears every advisory.</summary>
    public EcosystemVersion? Find(EcosystemVersion installed)
    {
        if (!installed.IsParsed)
        {
            return null;
        }

        var allowPre = installed.Pep440?.IsPrerelease ?? false;
        var start = UpperBound(installed);
        EcosystemVersion? firstAny = null;
        for (var i = start; i < _candidates.Length; i++)
        {
            var candidate = _candidates[i];
            if (!_clear[i] || (!allowPre && candidate.Pep440 is { IsPrerelease: true }))
            {
                continue;
            }

            if (SameSeries(installed, candidate))
            {
                return candidate; // sorted ascending: the first clear one in the series is the smallest
            }

            firstAny ??= candidate;
            if (!SameSeriesPossibleAfter(installed, candidate))
            {
                break;
            }
        }

        return firstAny;
    }

    /// <summary>One-shot form for callers that judge a single version.</summary>
    public static EcosystemVersion? Find(EcosystemVersion installed, IReadOnlyList<AffectedRule> rules, VersionScheme scheme) =>
        new MinimalFixFinder(rules, scheme).Find(installed);

    private int UpperBound(EcosystemVersion installed)
    {
        int low = 0, high = _candidates.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_candidates[mid].CompareTo(installed) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static bool SameSeries(EcosystemVersion installed, EcosystemVersion candidate) =>
        installed.Pep440 is { } a && candidate.Pep440 is { } b && a.Epoch == b.Epoch && a.Major == b.Major && a.Minor == b.Minor;

    // Once a candidate's series is past the installed one, no later candidate can be in it.
    private static bool SameSeriesPossibleAfter(EcosystemVersion installed, EcosystemVersion candidate) =>
        installed.Pep440 is { } a && candidate.Pep440 is { } b && b.Epoch == a.Epoch && b.Major == a.Major && b.Minor <= a.Minor;
}
