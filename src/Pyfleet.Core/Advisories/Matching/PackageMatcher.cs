namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// All advisory rules of one package compiled for fast lookup. Every range event and limit version is a point on
/// the ecosystem's order; between and at those points the OSV evaluation result of every range is constant, so it
/// is computed once per segment by the same sorted-event walk as <see cref="CompiledRange.Contains"/>. A lookup is
/// then one binary search plus one hash lookup in the merged <c>versions</c> lists, instead of evaluating every
/// rule. Packages with an event that does not parse (text-compared) fall back to per-rule evaluation.
/// </summary>
public sealed class PackageMatcher
{
    private static readonly Comparer<EcosystemVersion> Order = Comparer<EcosystemVersion>.Create((a, b) => a.CompareTo(b));

    private readonly IReadOnlyList<AffectedRule> _rules;
    private readonly EcosystemVersion[] _points = [];
    private readonly int[][] _segments = [];
    private readonly AffectedRule[][] _segmentRules = [];
    private readonly Dictionary<EcosystemVersion, int[]> _listed = [];
    private readonly Dictionary<int[], AffectedRule[]> _listedRules = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int Segment, int[] Listed), AffectedRule[]> _mergedRules = new(SegmentListedComparer.Instance);
    private readonly bool _perRule;

    public PackageMatcher(IReadOnlyList<AffectedRule> rules)
    {
        _rules = rules;
        var events = rules.SelectMany(r => r.Ranges).SelectMany(r => r.Events).Where(e => e.Version is not null).Select(e => e.Version!)
            .Concat(rules.SelectMany(r => r.Ranges).SelectMany(r => r.Limits)).ToList();
        _perRule = events.Any(v => !v.IsParsed);
        if (_perRule)
        {
            return;
        }

        _points = Dedupe(events.Order(Order));
        var segments = Enumerable.Range(0, (2 * _points.Length) + 1).Select(_ => new List<int>()).ToArray();
        for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
        {
            foreach (var range in rules[ruleIndex].Ranges)
            {
                Mark(range, ruleIndex, segments);
            }

            foreach (var version in rules[ruleIndex].Versions)
            {
                // Ascending and without repeats (a rule may list 1.0 and 1.0.0, equal versions), as Match expects.
                if (!_listed.TryGetValue(version, out var existing))
                {
                    _listed[version] = [ruleIndex];
                }
                else if (existing[^1] != ruleIndex)
                {
                    _listed[version] = [.. existing, ruleIndex];
                }
            }
        }

        _segments = segments.Select(s => s.Distinct().ToArray()).ToArray();
        _segmentRules = _segments.Select(s => s.Select(i => rules[i]).ToArray()).ToArray();
        // Versions listed by the same rules share one array (and one rules list), so answers can be cached by it.
        var canonical = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var version in _listed.Keys.ToList())
        {
            var key = string.Join(',', _listed[version]);
            if (!canonical.TryGetValue(key, out var shared))
            {
                canonical[key] = shared = _listed[version];
                _listedRules[shared] = [.. shared.Select(i => rules[i])];
            }

            _listed[version] = shared;
        }
    }

    /// <summary>
    /// The rules that say <paramref name="version"/> is affected (listed OR in a range), in rule order. Versions
    /// with the same answer get the same list instance (one per segment and listed-set), so callers can cache
    /// whatever they derive from it by reference. Not thread-safe (merged answers are cached on first use).
    /// </summary>
    public IReadOnlyList<AffectedRule> Match(EcosystemVersion version)
    {
        if (_perRule)
        {
            return _rules.Where(r => r.IsAffected(version)).ToList();
        }

        var segment = version.IsParsed ? Segment(version) : -1;
        var inRanges = segment < 0 ? [] : _segments[segment];
        if (!_listed.TryGetValue(version, out var listed))
        {
            return segment < 0 ? [] : _segmentRules[segment];
        }

        if (inRanges.Length == 0)
        {
            return _listedRules[listed];
        }

        // Both arrays are ascending rule indexes (built in rule order): merge once per (segment, listed set).
        if (!_mergedRules.TryGetValue((segment, listed), out var merged))
        {
            _mergedRules[(segment, listed)] = merged = listed.Concat(inRanges).Distinct().Order().Select(i => _rules[i]).ToArray();
        }

        return merged;
    }

    /// <summary>True when no rule says <paramref name="version"/> is affected.</summary>
    public bool IsClear(EcosystemVersion version) =>
        _perRule ? Match(version).Count == 0
        : !_listed.ContainsKey(version) && (!version.IsParsed || _segments[Segment(version)].Length == 0);

    // Segment 2i+1 is "exactly point i"; segment 2i is "strictly between point i-1 and point i" (2n: above all).
    private int Segment(EcosystemVersion version)
    {
        var index = Array.BinarySearch(_points, version, Order);
        return index >= 0 ? (2 * index) + 1 : 2 * ~index;
    }

    private void Mark(CompiledRange range, int ruleIndex, List<int>[] segments)
    {
        var events = range.Events;
        var limits = range.Limits.Select(l => Array.BinarySearch(_points, l, Order)).ToArray();
        var state = events.Any(e => e.Version is null && e.Kind == RangeEventKind.Introduced);
        var next = 0;
        while (next < events.Count && events[next].Version is null)
        {
            next++;
        }

        for (var point = 0; point <= _points.Length; point++)
        {
            // Strictly below point `point` (and above the previous one): the state after all earlier events.
            if (state && BelowSomeLimit(limits, point, strict: false))
            {
                segments[2 * point].Add(ruleIndex);
            }

            if (point == _points.Length)
            {
                break;
            }

            // Exactly at the point: events at it apply with v == event (last_affected keeps the state).
            var at = state;
            var after = state;
            while (next < events.Count && events[next].Version!.CompareTo(_points[point]) == 0)
            {
                var kind = events[next].Kind;
                at = kind == RangeEventKind.Introduced || (kind != RangeEventKind.Fixed && at);
                after = kind == RangeEventKind.Introduced;
                next++;
            }

            if (at && BelowSomeLimit(limits, point, strict: true))
            {
                segments[(2 * point) + 1].Add(ruleIndex);
            }

            state = after;
        }
    }

    // Limits: the version must be below at least one. At point i that means a limit above i; strictly between
    // i-1 and i it means a limit at or above i.
    // A plain loop: this runs for every (range, point) pair, and a lambda would allocate its closure each time.
    private static bool BelowSomeLimit(int[] limits, int point, bool strict)
    {
        if (limits.Length == 0)
        {
            return true;
        }

        foreach (var limit in limits)
        {
            if (strict ? limit > point : limit >= point)
            {
                return true;
            }
        }

        return false;
    }

    private static EcosystemVersion[] Dedupe(IEnumerable<EcosystemVersion> sorted)
    {
        var result = new List<EcosystemVersion>();
        foreach (var version in sorted)
        {
            if (result.Count == 0 || result[^1].CompareTo(version) != 0)
            {
                result.Add(version);
            }
        }

        return [.. result];
    }

    private sealed class SegmentListedComparer : IEqualityComparer<(int Segment, int[] Listed)>
    {
        public static readonly SegmentListedComparer Instance = new();

        public bool Equals((int Segment, int[] Listed) x, (int Segment, int[] Listed) y) => x.Segment == y.Segment && ReferenceEquals(x.Listed, y.Listed);

        public int GetHashCode((int Segment, int[] Listed) obj) => HashCode.Combine(obj.Segment, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Listed));
    }
}
