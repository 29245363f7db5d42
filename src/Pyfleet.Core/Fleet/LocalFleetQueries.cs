namespace Pyfleet.Core.Fleet;

/// <summary><see cref="IFleetQueries"/> over the local store.</summary>
public sealed class LocalFleetQueries(FleetService fleet) : IFleetQueries
{
    public Task<IReadOnlyList<WhoMatch>> WhoAsync(string spec, CancellationToken cancellationToken) => fleet.WhoAsync(spec, cancellationToken);

    public Task<IReadOnlyList<FleetHost>> HostsAsync(CancellationToken cancellationToken) => fleet.Store.ListHostsAsync(cancellationToken);

    public async Task<IReadOnlyList<FleetSnapshotSummary>> HistoryAsync(string host, CancellationToken cancellationToken)
    {
        await fleet.HostAsync(host, cancellationToken);
        return await fleet.Store.ListSnapshotsAsync(host, 1000, cancellationToken);
    }

    public Task<SnapshotDiff> DiffAsync(string host, long? from, long? to, CancellationToken cancellationToken) =>
        fleet.DiffAsync(host, from, to, cancellationToken);

    public Task<string> RequirementsAsync(string host, string environment, long? snapshot, CancellationToken cancellationToken) =>
        fleet.RequirementsAsync(host, environment, snapshot, cancellationToken);
}
