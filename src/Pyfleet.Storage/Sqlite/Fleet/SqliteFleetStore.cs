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

    protected internal override string LabelClause(string column, string parameter) =>
        $"EXISTS (SELECT 1 FROM json_each({column}) WHERE json_each.value = @{parameter})";

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
