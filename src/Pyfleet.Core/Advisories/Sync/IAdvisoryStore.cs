using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>Where synced advisories live (SQLite in <c>Pyfleet.Storage</c>); every write is one transaction.</summary>
public interface IAdvisoryStore
{
    /// <summary>Every synced source.</summary>
    IReadOnlyList<AdvisorySourceState> Sources();

    /// <summary>Replaces all records of <paramref name="state"/>'s source, atomically.</summary>
    void ReplaceSource(AdvisorySourceState state, IReadOnlyList<OsvRecord> records);

    /// <summary>Inserts or updates <paramref name="records"/> (incremental update) and saves the new state, atomically.</summary>
    void Upsert(AdvisorySourceState state, IReadOnlyList<OsvRecord> records);

    /// <summary>Every stored record (withdrawn included) of every source.</summary>
    IReadOnlyList<OsvRecord> LoadAll();
}
