using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// The advisory and EOL data one analysis runs on, named by <see cref="Version"/>: every stored pair finding
/// records the version it was made under, so a change of data (a sync, a new day for EOL dates) shows which pairs to
/// judge again.
/// </summary>
/// <param name="Version">A short hash of the advisory sources' states, the EOL copy's sync stamp and (with EOL data) the day.</param>
/// <param name="Index">The compiled advisories; null when the store has none (then no vulnerability is claimed either way).</param>
/// <param name="Products">endoflife.date products by name; empty without a synced copy.</param>
/// <param name="ProductMap">PyPI project → product, from the products' purl identifiers and the built-in table.</param>
/// <param name="AsOf">The day EOL dates are judged at.</param>
public sealed record AnalysisData(
    string Version,
    AdvisoryIndex? Index,
    IReadOnlyDictionary<string, EolProduct> Products,
    EolProductMap ProductMap,
    DateOnly AsOf)
{
    /// <summary>True when advisories were loaded.</summary>
    public bool HasAdvisories => Index is not null;

    /// <summary>True when an endoflife.date copy was loaded.</summary>
    public bool HasLifecycle => Products.Count > 0;
}
