using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Specifiers;

/// <summary>
/// Membership as the intervals of packaging 26.x <c>_ranges.bounds_for_spec</c>, checked without allocating.
/// </summary>
public sealed partial class Specifier
{
    private static (Pep440Version? Lower, Pep440Version? Upper) ComputeBounds(SpecifierOperator op, Pep440Version? v, bool wildcard)
    {
        if (v is null)
        {
            return (null, null);
        }

        if (wildcard)
        {
            // ==1.2.* is [1.2.dev0, 1.3.dev0).
            return (v.ReleaseDevZero(), v.NextPrefixDevZero(v.ReleaseLength));
        }

        switch (op)
        {
            case SpecifierOperator.Compatible:
                // ~=1.4.5a4 is [1.4.5a4, 1.5.dev0): drop the last release component, bump the new last one.
                return (v, v.NextPrefixDevZero(v.ReleaseLength - 1));
            case SpecifierOperator.LessThan:
                // <V stops before V's pre-releases (V.dev0) unless V is itself a pre-release.
                var bound = v.IsPrerelease ? v : v.WithDevZero();
                return (null, bound <= Pep440Version.MinVersion ? null : bound);
            case SpecifierOperator.GreaterThan when v.IsDevrelease:
                // Dev releases have no post-releases: the next version is V.dev(N+1).
                return (v.WithNextDev(), null);
            case SpecifierOperator.GreaterThan when v.IsPostrelease:
                return (v.WithNextPostDevZero(), null);
            default:
                return (null, null);
        }
    }

    private bool Matches(Pep440Version candidate)
    {
        var v = _version!;
        switch (Operator)
        {
            case SpecifierOperator.Equal:
                return _wildcard ? InWildcard(candidate) : EqualsSpec(candidate);
            case SpecifierOperator.NotEqual:
                return _wildcard ? !InWildcard(candidate) : !EqualsSpec(candidate);
            case SpecifierOperator.Compatible:
                return candidate >= v && candidate < _upper!;
            case SpecifierOperator.LessThanOrEqual:
                // Upper bound sits after V's local versions, before V.post0.
                return candidate.ComparePublic(v) <= 0;
            case SpecifierOperator.GreaterThanOrEqual:
                return candidate >= v;
            case SpecifierOperator.LessThan:
                return _upper is not null && candidate < _upper;
            case SpecifierOperator.GreaterThan:
                if (_lower is not null)
                {
                    return candidate >= _lower;
                }

                // Above V, V+local and every V.postN: the candidate must leave V's release and pre segment.
                return candidate > v && !candidate.SameReleaseAndPre(v);
            default:
                return false;
        }
    }

    private bool InWildcard(Pep440Version candidate) => candidate >= _lower! && candidate < _upper!;

    // ==V without a local label ignores the candidate's label; ==V+l needs the same label.
    private bool EqualsSpec(Pep440Version candidate) => _hasLocal
        ? candidate.CompareTo(_version) == 0
        : candidate.ComparePublic(_version!) == 0;
}
