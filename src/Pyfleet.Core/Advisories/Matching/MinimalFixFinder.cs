namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// The smallest version above the installed one that is affected by NONE of the package's advisories. Offline,
/// the candidates are what the advisories themselves name: every <c>fixed</c> event and every enumerated version
/// (an enumerated version is affected by its own record, but may still be the minimum of another series' check).
/// A candidate in the installed release series (same epoch, major and minor for PEP 440) wins when one exists;
/// pre-releases are candidates only when the installed version is one.
/// </summary>
public static class MinimalFixFinder
{
    /// <summary>Returns the minimal fixing version, or null when no named version clears every advisory.</summary>
    public static EcosystemVersion? Find(EcosystemVersion installed, IReadOnlyList<AffectedRule> rules, VersionScheme scheme)
    {
        if (!installed.IsParsed)
        {
            return null;
        }

        var allowPre = installed.Pep440?.IsPrerelease ?? false;
        var candidates = new HashSet<EcosystemVersion>();
        foreach (var rule in rules)
        {
            foreach (var text in rule.FixedVersions)
            {
                candidates.Add(EcosystemVersion.Create(text, scheme));
            }

            foreach (var version in rule.Versions)
            {
                candidates.Add(version);
            }
        }

        EcosystemVersion? bestSameSeries = null;
        EcosystemVersion? bestAny = null;
        foreach (var candidate in candidates)
        {
            if (!candidate.IsParsed || candidate.CompareTo(installed) <= 0)
            {
                continue;
            }

            if (!allowPre && candidate.Pep440 is { IsPrerelease: true })
            {
                continue;
            }

            if (IsAffectedByAny(candidate, rules))
            {
                continue;
            }

            if (bestAny is null || candidate.CompareTo(bestAny) < 0)
            {
                bestAny = candidate;
            }

            if (SameSeries(installed, candidate) && (bestSameSeries is null || candidate.CompareTo(bestSameSeries) < 0))
            {
                bestSameSeries = candidate;
            }
        }

        return bestSameSeries ?? bestAny;
    }

    private static bool IsAffectedByAny(EcosystemVersion version, IReadOnlyList<AffectedRule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.IsAffected(version))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameSeries(EcosystemVersion installed, EcosystemVersion candidate) =>
        installed.Pep440 is { } a && candidate.Pep440 is { } b && a.Epoch == b.Epoch && a.Major == b.Major && a.Minor == b.Minor;
}
