namespace Pyfleet.Core.Fleet;

/// <summary>
/// The read side of the fleet, the same whether it is asked of the local store (<see cref="LocalFleetQueries"/>) or
/// of a server over HTTP (<see cref="Client.FleetClient"/>): what the <c>who</c>, <c>hosts</c>, <c>history</c>,
/// <c>diff</c> and <c>export</c> commands need.
/// </summary>
public interface IFleetQueries
{
    Task<IReadOnlyList<WhoMatch>> WhoAsync(string spec, CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetHost>> HostsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<FleetSnapshotSummary>> HistoryAsync(string host, CancellationToken cancellationToken);

    Task<SnapshotDiff> DiffAsync(string host, long? from, long? to, CancellationToken cancellationToken);

    Task<string> RequirementsAsync(string host, string environment, long? snapshot, CancellationToken cancellationToken);
}
