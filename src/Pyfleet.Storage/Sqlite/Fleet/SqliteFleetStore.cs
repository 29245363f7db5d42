using System.Data.Common;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Storage.Fleet;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Storage.Sqlite.Fleet;

/// <summary>
/// The fleet store in the embedded SQLite file (the default). SQLite has one writer at a time; ingests queue on
/// an in-process gate instead of spinning on the file lock, so 50 concurrent agents neither fail nor starve.
/// </summary>
public sealed class SqliteFleetStore(SqliteStore store) : FleetStoreBase
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    protected internal override string InClause(string column, string parameter) => $"{column} IN @{parameter}";

    protected internal override string LabelClause(string column, string value) =>
        $"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = {value})";

    // One process per SQLite file: the claim is in-process (a second server on the same file is not supported).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _jobs = new(StringComparer.Ordinal);

    public override async Task<bool> TryRunExclusiveAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var claim = _jobs.GetOrAdd(job, _ => new SemaphoreSlim(1, 1));
        if (!await claim.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            await work(cancellationToken);
            return true;
        }
        finally
        {
            claim.Release();
        }
    }

    public override async Task<int> PruneSnapshotsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await base.PruneSnapshotsAsync(before, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public static SqliteFleetStore Open(string path) => (SqliteFleetStore)SqliteStore.Open(path).Fleet;

    public override async Task<IngestResult> IngestAsync(PreparedSnapshot snapshot, DateTimeOffset receivedAt, SnapshotAnalysis? analysis, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await base.IngestAsync(snapshot, receivedAt, analysis, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override async Task<FleetEvent?> ApplyReanalysisAsync(AnalysisVersion data, IReadOnlyDictionary<long, IReadOnlyList<PairFinding>> pairs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await base.ApplyReanalysisAsync(data, pairs, now, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<DbConnection>(store.OpenConnection());
}
