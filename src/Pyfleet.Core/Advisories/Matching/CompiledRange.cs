namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// One ECOSYSTEM range with its events sorted by the ecosystem comparator (OSV records are not guaranteed to be
/// sorted: PYSEC-2024-70) and its limits. Evaluation is the schema's "Evaluation" algorithm.
/// </summary>
public sealed class CompiledRange
{
    private readonly RangeEvent[] _events;
    private readonly EcosystemVersion[] _limits;

    public CompiledRange(IEnumerable<RangeEvent> events, IEnumerable<EcosystemVersion> limits)
    {
        // "0" (null) first. At equal versions a fixed/last_affected sorts before an introduced: "fixed 3.1.1" closing
        // one series and "introduced 3.1.1" opening the next (real: PYSEC-2022-236) leave 3.1.1 affected, which its
        // versions[] list confirms; a stable sort in input order would decide it by accident.
        _events = events
            .OrderBy(e => e.Version, Comparer<EcosystemVersion?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b)))
            .ThenBy(e => e.Kind == RangeEventKind.Introduced ? 1 : 0)
            .ToArray();
        _limits = limits.ToArray();
    }

    public IReadOnlyList<RangeEvent> Events => _events;

    /// <summary>The <c>limit</c> versions (<c>*</c> excluded): the version must be below one of them.</summary>
    public IReadOnlyList<EcosystemVersion> Limits => _limits;

    /// <summary>True when <paramref name="version"/> lies inside the range.</summary>
    public bool Contains(EcosystemVersion version)
    {
        // Limits: the version must be below at least one (limit "*" is dropped at compile time = infinity).
        if (_limits.Length > 0 && !_limits.Any(limit => version.CompareTo(limit) < 0))
        {
            return false;
        }

        var affected = false;
        foreach (var e in _events)
        {
            if (e.Version is null)
            {
                affected |= e.Kind == RangeEventKind.Introduced;
                continue;
            }

            var cmp = version.CompareTo(e.Version);
            if (cmp < 0)
            {
                break; // events are sorted: no later event can change the state for a smaller version
            }

            switch (e.Kind)
            {
                case RangeEventKind.Introduced:
                    affected = true;
                    break;
                case RangeEventKind.Fixed:
                    affected = false;
                    break;
                case RangeEventKind.LastAffected when cmp > 0:
                    affected = false;
                    break;
            }
        }

        return affected;
    }
}
