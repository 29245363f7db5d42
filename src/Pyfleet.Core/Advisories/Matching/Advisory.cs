using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Matching;

/// <summary>One OSV record in the index, with the alias group it belongs to (symmetric + transitive closure of <c>aliases</c>).</summary>
public sealed class Advisory
{
    internal Advisory(OsvRecord record) => Record = record;

    public OsvRecord Record { get; }
    public string Id => Record.Id;

    /// <summary>Every id in this record's alias closure (its own id included), sorted.</summary>
    public IReadOnlyList<string> AliasGroup { get; internal set; } = [];

    /// <summary>The id that names the merged finding: the group's first id by <see cref="IdPreference"/>.</summary>
    public string GroupKey { get; internal set; } = "";

    /// <summary>Rank for naming a merged finding: PYSEC, then GHSA, then CVE, then the rest; ties by ordinal.</summary>
    public static int IdPreference(string id) =>
        id.StartsWith("PYSEC-", StringComparison.Ordinal) ? 0
        : id.StartsWith("GHSA-", StringComparison.Ordinal) ? 1
        : id.StartsWith("CVE-", StringComparison.Ordinal) ? 2
        : 3;
}
