namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// All advisory rules of one package compiled for fast lookup. Every range event and limit version is a point on
/// the ecosystem's order; between and at those points the OSV evaluation of every range is constant ("segments":
/// 2i is strictly between point i-1 and point i, 2i+1 is exactly point i, 2n is above all). Each range becomes a
/// few segment intervals by the same sorted-event walk as <see cref="CompiledRange.Contains"/>, in time linear in
/// its events; a lookup is then one binary search, one hash lookup in the merged <c>versions</c> lists and, the
/// first time a segment is asked for, one interval check per rule. Packages with an event that does not parse
/// (text-compared) fall back to per-rule evaluation.
/// </summary>
/// <remarks>Not thread-safe: answers are cached on first use.</remarks>
public sealed class PackageMatcher
{
    private static readonly Comparer<EcosystemVersion> Order = Comparer<EcosystemVersion>.Create((a, b) => a.CompareTo(b));

    private readonly IReadOnlyList<AffectedRule> _rules;
    private readonly EcosystemVersion[] _points = [];

    // Per rule: sorted, disjoint [start, end) segment intervals where one of its ranges holds.
    private readonly int[][] _intervals = [];

    // Per segment: true when some rule's range holds there (for IsClear, without building the answer).
    private readonly bool[] _covered = [];
    private readonly AffectedRule[]?[] _segmentAnswers = [];
    private readonly Dictionary<EcosystemVersion, int[]> _listed = [];
    private readonly Dictionary<int[], AffectedRule[]> _listedAnswers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int[], AffectedRule[]>?[] _mergedAnswers = [];
    private readonly Dictionary<int[], AffectedRule[]> _answers = new(SameContent.Instance);
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
        var segmentCount = (2 * _points.Length) + 1;
        var coverage = new int[segmentCount + 1];
        _intervals = new int[rules.Count][];
        var listing = new Dictionary<EcosystemVersion, List<int>>();
        for (var ruleIndex = 0; ruleIndex < rules.Count; ruleIndex++)
        {
            var intervals = new List<(int Start, int End)>();
            foreach (var range in rules[ruleIndex].Ranges)
            {
                AddIntervals(range, intervals);
            }

            _intervals[ruleIndex] = Union(intervals);
            for (var i = 0; i < _intervals[ruleIndex].Length; i += 2)
            {
                coverage[_intervals[ruleIndex][i]]++;
                coverage[_intervals[ruleIndex][i + 1]]--;
            }

            foreach (var version in rules[ruleIndex].Versions)
            {
                // Ascending and without repeats (a rule may list 1.0 and 1.0.0, equal versions), as Match expects.
                if (!listing.TryGetValue(version, out var existing))
                {
                    listing[version] = existing = [];
                }

                if (existing.Count == 0 || existing[^1] != ruleIndex)
                {
                    existing.Add(ruleIndex);
                }
            }
        }

        _covered = new bool[segmentCount];
        for (int segment = 0, depth = 0; segment < segmentCount; segment++)
        {
            depth += coverage[segment];
            _covered[segment] = depth > 0;
        }

        _segmentAnswers = new AffectedRule[]?[segmentCount];
        _mergedAnswers = new Dictionary<int[], AffectedRule[]>?[segmentCount];

        // Versions listed by the same rules share one array (and one answer), so answers can be cached by it.
        var listedArrays = new Dictionary<int[], int[]>(SameContent.Instance);
        foreach (var (version, ruleIndexes) in listing)
        {
            int[] key = [.. ruleIndexes];
            if (!listedArrays.TryGetValue(key, out var shared))
            {
                listedArrays[key] = shared = key;
                _listedAnswers[shared] = Canonical(shared);
            }

            _listed[version] = shared;
        }
    }

    /// <summary>
    /// The rules that say <paramref name="version"/> is affected (listed OR in a range), in rule order. Equal
    /// answers are the same array instance, so callers can cache whatever they derive from an answer by reference.
    /// </summary>
    public IReadOnlyList<AffectedRule> Match(EcosystemVersion version)
    {
        if (_perRule)
        {
            return _rules.Where(r => r.IsAffected(version)).ToList();
        }

        var segment = version.IsParsed ? Segment(version) : -1;
        if (!_listed.TryGetValue(version, out var listed))
        {
            return segment < 0 || !_covered[segment] ? [] : SegmentAnswer(segment);
        }

        if (segment < 0 || !_covered[segment])
        {
            return _listedAnswers[listed];
        }

        // Both are ascending rule indexes: merged once per (segment, listed set).
        var answers = _mergedAnswers[segment] ??= new Dictionary<int[], AffectedRule[]>(ReferenceEqualityComparer.Instance);
        if (!answers.TryGetValue(listed, out var merged))
        {
            answers[listed] = merged = Canonical(Union(listed, InRanges(segment)));
        }

        return merged;
    }

    /// <summary>True when no rule says <paramref name="version"/> is affected.</summary>
    public bool IsClear(EcosystemVersion version) =>
        _perRule ? Match(version).Count == 0
        : !_listed.ContainsKey(version) && (!version.IsParsed || !_covered[Segment(version)]);

    private AffectedRule[] SegmentAnswer(int segment) => _segmentAnswers[segment] ??= Canonical(InRanges(segment));

    // The rules whose intervals contain the segment, in rule order.
    private int[] InRanges(int segment)
    {
        var result = new List<int>();
        for (var ruleIndex = 0; ruleIndex < _intervals.Length; ruleIndex++)
        {
            if (Contains(_intervals[ruleIndex], segment))
            {
                result.Add(ruleIndex);
            }
        }

        return [.. result];
    }

    // Two ascending, repeat-free index arrays as one.
    private static int[] Union(int[] a, int[] b)
    {
        var result = new List<int>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j == b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            i += i < a.Length && a[i] == next ? 1 : 0;
            j += j < b.Length && b[j] == next ? 1 : 0;
            result.Add(next);
        }

        return [.. result];
    }

    // intervals = [start0, end0, start1, end1, ...], sorted and disjoint.
    private static bool Contains(int[] intervals, int segment)
    {
        int low = 0, high = (intervals.Length / 2) - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (segment < intervals[2 * mid])
            {
                high = mid - 1;
            }
            else if (segment >= intervals[(2 * mid) + 1])
            {
                low = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    // Equal answers (the same rules, in rule order) are one array: what callers derive from an answer is then made
    // once per distinct set of rules, however many segments and listed versions give it.
    private AffectedRule[] Canonical(int[] ruleIndexes)
    {
        if (ruleIndexes.Length == 0)
        {
            return [];
        }

        if (!_answers.TryGetValue(ruleIndexes, out var rules))
        {
            rules = new AffectedRule[ruleIndexes.Length];
            for (var i = 0; i < ruleIndexes.Length; i++)
            {
                rules[i] = _rules[ruleIndexes[i]];
            }

            _answers[ruleIndexes] = rules;
        }

        return rules;
    }

    private int Segment(EcosystemVersion version)
    {
        var index = Array.BinarySearch(_points, version, Order);
        return index >= 0 ? (2 * index) + 1 : 2 * ~index;
    }

    /// <summary>
    /// The segments where <paramref name="range"/> holds, walking its sorted events once (the state only changes at
    /// an event): a segment strictly between points takes the state after all earlier events; at an event's point
    /// the events there apply with v == event (last_affected keeps the state, fixed clears it). Limits: the version
    /// must be below at least one, so with limits nothing at or above the highest one (point L: segments ≤ 2L) holds.
    /// </summary>
    private void AddIntervals(CompiledRange range, List<(int Start, int End)> intervals)
    {
        var events = range.Events;
        var end = (2 * _points.Length) + 1;
        if (range.Limits.Count > 0)
        {
            end = (2 * range.Limits.Max(l => Array.BinarySearch(_points, l, Order))) + 1;
        }

        var state = false;
        var next = 0;
        for (; next < events.Count && events[next].Version is null; next++)
        {
            state |= events[next].Kind == RangeEventKind.Introduced;
        }

        var cursor = 0;
        while (next < events.Count)
        {
            var point = Array.BinarySearch(_points, events[next].Version!, Order);
            if (state)
            {
                Add(intervals, cursor, (2 * point) + 1, end);
            }

            var at = state;
            var after = state;
            for (; next < events.Count && events[next].Version!.CompareTo(_points[point]) == 0; next++)
            {
                var kind = events[next].Kind;
                at = kind == RangeEventKind.Introduced || (kind != RangeEventKind.Fixed && at);
                after = kind == RangeEventKind.Introduced;
            }

            if (at)
            {
                Add(intervals, (2 * point) + 1, (2 * point) + 2, end);
            }

            state = after;
            cursor = (2 * point) + 2;
        }

        if (state)
        {
            Add(intervals, cursor, (2 * _points.Length) + 1, end);
        }
    }

    private static void Add(List<(int Start, int End)> intervals, int start, int end, int cap)
    {
        end = Math.Min(end, cap);
        if (start < end)
        {
            intervals.Add((start, end));
        }
    }

    private static int[] Union(List<(int Start, int End)> intervals)
    {
        var result = new List<int>();
        foreach (var (start, end) in intervals.OrderBy(i => i.Start))
        {
            if (result.Count > 0 && start <= result[^1])
            {
                result[^1] = Math.Max(result[^1], end);
            }
            else
            {
                result.Add(start);
                result.Add(end);
            }
        }

        return [.. result];
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

    private sealed class SameContent : IEqualityComparer<int[]>
    {
        public static readonly SameContent Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
