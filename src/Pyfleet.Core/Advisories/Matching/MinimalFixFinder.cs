namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// The smallest version above the installed one that is affected by NONE of the package's advisories. Offline,
/// the candidates are what the advisories themselves name: every <c>fixed</c> event and every enumerated version.
/// A candidate in the installed release series (same epoch, major and minor for PEP 440) wins when one exists;
/// pre-releases are candidates only when the installed version is one. Built once per package (the candidates
/// are sorted and pre-judged), then answered per installed version by a binary search.
/// Candidates of one release series are contiguous in version order and those of the installed series come first
/// above it, so "the first clear candidate above the installed version" already prefers its series: each answer is
/// a binary search plus a lookup of the next clear candidate, computed once per package.
/// </summary>
public sealed class MinimalFixFinder
{
    private readonly EcosystemVersion[] _candidates;

    // For each candidate index: the first clear candidate at or after it (any / final releases only), or -1.
    private readonly int[] _nextClear;
    private readonly int[] _nextClearFinal;

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
        _nextClear = new int[_candidates.Length + 1];
        _nextClearFinal = new int[_candidates.Length + 1];
        (_nextClear[^1], _nextClearFinal[^1]) = (-1, -1);
        for (var i = _candidates.Length - 1; i >= 0; i--)
        {
            var clear = matcher.IsClear(_candidates[i]);
            _nextClear[i] = clear ? i : _nextClear[i + 1];
            _nextClearFinal[i] = clear && _candidates[i].Pep440 is not { IsPrerelease: true } ? i : _nextClearFinal[i + 1];
        }
    }

    /// <summary>Returns the minimal fixing version for <paramref name="installed"/>, or null when no named version clears every advisory.</summary>
    public EcosystemVersion? Find(EcosystemVersion installed)
    {
        if (!installed.IsParsed)
        {
            return null;
        }

        var allowPre = installed.Pep440?.IsPrerelease ?? false;
        var next = (allowPre ? _nextClear : _nextClearFinal)[UpperBound(installed)];
        return next < 0 ? null : _candidates[next];
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
}
