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
        _events = [.. events];
        SortStable(_events);
        _limits = limits.ToArray();
    }

    public IReadOnlyList<RangeEvent> Events => _events;

    // A stable insertion sort (a range has a handful of events); LINQ's sorters with a value-type key would be
    // compiled at run time on every start (ReadyToRun cannot pre-compile them).
    private static void SortStable(RangeEvent[] events)
    {
        for (var i = 1; i < events.Length; i++)
        {
            var item = events[i];
            var j = i - 1;
            for (; j >= 0 && Compare(events[j], item) > 0; j--)
            {
                events[j + 1] = events[j];
            }

            events[j + 1] = item;
        }
    }

    private static int Compare(RangeEvent a, RangeEvent b)
    {
        var byVersion = a.Version is null ? (b.Version is null ? 0 : -1) : b.Version is null ? 1 : a.Version.CompareTo(b.Version);
        return byVersion != 0 ? byVersion : (a.Kind == RangeEventKind.Introduced ? 1 : 0) - (b.Kind == RangeEventKind.Introduced ? 1 : 0);
    }

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
