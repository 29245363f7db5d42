using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Core.Fleet.Suppressions;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// The fleet's data: tokens, hosts, content-addressed snapshots and environments, the (name, version) dictionary
/// and its index to environments, and each host's latest snapshot kept current at ingest. One implementation per
/// engine (SQLite, PostgreSQL), all passing one shared test suite.
/// </summary>
public interface IFleetStore
{
    /// <summary>True when the store answers (for <c>/healthz</c>).</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>How many hosts and snapshots the store holds (for <c>/metrics</c>).</summary>
    Task<(int Hosts, long Snapshots)> CountsAsync(CancellationToken cancellationToken);

    Task<FleetToken> CreateTokenAsync(NewToken token, CancellationToken cancellationToken);

    /// <summary>The token whose secret hashes to <paramref name="hash"/>, active or not; null when there is none.</summary>
    Task<FleetToken?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetToken>> ListTokensAsync(CancellationToken cancellationToken);

    /// <summary>Revokes token <paramref name="id"/> at <paramref name="at"/>; false when there is no such active token.</summary>
    Task<bool> RevokeTokenAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a snapshot in one transaction, serialised per host: a snapshot with the same hash as one of the
    /// host's stored snapshots is not stored again (<see cref="IngestResult.Created"/> false, its id returned).
    /// The host's latest snapshot moves when this one was scanned no earlier than the current latest; then, in the
    /// same transaction, <paramref name="analysis"/> (when given) is applied: the pairs not yet analysed under its
    /// data version are written, the host's findings recomputed and a <c>snapshot:ID</c> event appended when the
    /// snapshot brought new findings.
    /// </summary>
    Task<IngestResult> IngestAsync(PreparedSnapshot snapshot, DateTimeOffset receivedAt, SnapshotAnalysis? analysis, CancellationToken cancellationToken);

    /// <summary>The fleet's findings as the analysis keeps them.</summary>
    IFleetFindings Findings { get; }

    /// <summary>The event outbox the analysis writes.</summary>
    IFleetEvents Events { get; }

    /// <summary>Dictionary rows not analysed under <paramref name="dataVersion"/>, by id, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PackageVersionRef>> StalePairsAsync(string dataVersion, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Re-analysis in one transaction: writes the pairs' findings under <paramref name="data"/>, recomputes the
    /// findings of every host whose latest snapshot has a changed pair and appends one <c>sync:…</c> event with the
    /// new, changed and withdrawn items (none when nothing changed). Returns the event, or null.
    /// </summary>
    Task<FleetEvent?> ApplyReanalysisAsync(AnalysisVersion data, IReadOnlyDictionary<long, IReadOnlyList<PairFinding>> pairs, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Dictionary rows with a current finding named <paramref name="id"/> (an advisory id or any alias, any case).</summary>
    Task<IReadOnlyList<long>> PairsWithAdvisoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Dictionary rows (interpreters included) with a current end-of-life finding.</summary>
    Task<IReadOnlyList<long>> PairsEndOfLifeAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="host"/> was seen (a heartbeat); false when the host is unknown.</summary>
    Task<bool> TouchHostAsync(string host, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The dictionary's rows for one normalised name: the distinct versions the fleet has ever stored.</summary>
    Task<IReadOnlyList<PackageVersionRef>> VersionsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every instance of the given dictionary rows in each host's latest snapshot.</summary>
    Task<IReadOnlyList<WhoMatch>> LatestInstancesAsync(IReadOnlyCollection<long> packageIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetHost>> ListHostsAsync(CancellationToken cancellationToken);

    Task<FleetHost?> GetHostAsync(string name, CancellationToken cancellationToken);

    /// <summary>The host's snapshots, newest first.</summary>
    Task<IReadOnlyList<FleetSnapshotSummary>> ListSnapshotsAsync(string host, int limit, CancellationToken cancellationToken);

    Task<StoredSnapshot?> LoadSnapshotAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> only when no other process holds the claim on <paramref name="job"/> (PostgreSQL:
    /// a session advisory lock, so any number of servers on one database run each job once at a time; SQLite: one
    /// process). False when another holder had it. The notifier claims <c>notify</c> the same way.
    /// </summary>
    Task<bool> TryRunExclusiveAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>Deletes snapshots received before <paramref name="before"/> except each host's latest, and the environments no snapshot uses any more; returns how many snapshots went.</summary>
    Task<int> PruneSnapshotsAsync(DateTimeOffset before, CancellationToken cancellationToken);

    Task<FleetSuppression> AddSuppressionAsync(FleetSuppression suppression, CancellationToken cancellationToken);

    /// <summary>Every suppression, expired ones included, by id.</summary>
    Task<IReadOnlyList<FleetSuppression>> ListSuppressionsAsync(CancellationToken cancellationToken);

    /// <summary>False when there is no suppression <paramref name="id"/>.</summary>
    Task<bool> DeleteSuppressionAsync(long id, CancellationToken cancellationToken);
}
