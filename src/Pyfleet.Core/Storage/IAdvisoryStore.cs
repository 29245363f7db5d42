using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Core.Advisories.Sync;

namespace Pyfleet.Core.Storage;

/// <summary>
/// Where synced advisories live (SQLite or PostgreSQL, in <c>Pyfleet.Storage</c>); every write is one transaction,
/// so a failed sync leaves the previous records as they were.
/// </summary>
public interface IAdvisoryStore
{
    /// <summary>Every synced source, ordered by key (ordinal).</summary>
    Task<IReadOnlyList<AdvisorySourceState>> GetSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every stored record (withdrawn included) of every source, ordered by source key then id (ordinal).</summary>
    Task<IReadOnlyList<OsvRecord>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces all records of <paramref name="state"/>'s source, atomically.</summary>
    Task ReplaceSourceAsync(AdvisorySourceState state, IReadOnlyList<OsvRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates <paramref name="records"/> (incremental update) and saves the new state, atomically.</summary>
    Task UpsertAsync(AdvisorySourceState state, IReadOnlyList<OsvRecord> records, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="GetSourcesAsync"/>, synchronously. Kept for the audit's start-up path: it reads the sources and
    /// the records on a worker-thread continuation while the inputs are parsed, and an async state machine there is
    /// JIT-compiled at run time (the CLI runs without tiered compilation), which <c>bench/audit/compare.sh</c> measures.
    /// </summary>
    IReadOnlyList<AdvisorySourceState> Sources();

    /// <summary><see cref="LoadAllAsync"/>, synchronously, for the same audit start-up path as <see cref="Sources"/>.</summary>
    IReadOnlyList<OsvRecord> LoadAll();
}
