namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// Groups advisories by the symmetric, transitive closure of <c>id</c> + <c>aliases</c> (FORMATS.md §6.1), with a
/// union-find, so one vulnerability published as PYSEC, GHSA and CVE is one finding. <c>related</c> and
/// <c>upstream</c> are never merged on.
/// </summary>
internal static class AliasClosure
{
    public static void Assign(IReadOnlyList<Advisory> advisories)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var advisory in advisories)
        {
            Find(parent, advisory.Id);
            foreach (var alias in advisory.Record.Aliases ?? [])
            {
                Union(parent, advisory.Id, alias);
            }
        }

        var groups = parent.Keys
            .GroupBy(id => Find(parent, id), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Group(g.Order(StringComparer.Ordinal).ToArray()), StringComparer.Ordinal);
        foreach (var advisory in advisories)
        {
            var group = groups[Find(parent, advisory.Id)];
            advisory.AliasGroup = group.Ids;
            advisory.GroupKey = group.Key;
        }
    }

    // The first id by Advisory.IdPreference, then ordinal (a loop: LINQ's OrderBy on an int key is compiled at run time).
    private static string PreferredId(string[] sortedIds)
    {
        var best = sortedIds[0];
        foreach (var id in sortedIds)
        {
            if (Advisory.IdPreference(id) < Advisory.IdPreference(best))
            {
                best = id;
            }
        }

        return best;
    }

    private sealed class Group(string[] ids)
    {
        public string[] Ids { get; } = ids;

        public string Key { get; } = PreferredId(ids);
    }

    private static string Find(Dictionary<string, string> parent, string id)
    {
        if (!parent.TryGetValue(id, out var p))
        {
            parent[id] = id;
            return id;
        }

        while (p != id)
        {
            var grand = parent[p];
            parent[id] = grand;
            id = p;
            p = grand;
        }

        return id;
    }

    private static void Union(Dictionary<string, string> parent, string a, string b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[string.CompareOrdinal(ra, rb) < 0 ? rb : ra] = string.CompareOrdinal(ra, rb) < 0 ? ra : rb;
        }
    }
}
