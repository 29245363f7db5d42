using Dapper;
using Pyfleet.Core.Fleet.Events;
using Pyfleet.Storage.Fleet.Internal;

namespace Pyfleet.Storage.Fleet;

/// <summary><see cref="IFleetEvents"/>: the outbox the analysis appends to in its own transactions.</summary>
public abstract partial class FleetStoreBase : IFleetEvents
{
    public IFleetEvents Events => this;

    public async Task<IReadOnlyList<FleetEvent>> EventsAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT * FROM fleet_events WHERE id > @afterId ORDER BY id LIMIT @limit", new { afterId, limit = Math.Clamp(limit, 0, 10_000) }, cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Event).ToList();
    }

    public async Task<IReadOnlyList<FleetEvent>> LatestEventsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT * FROM fleet_events ORDER BY id DESC LIMIT @limit", new { limit = Math.Clamp(limit, 0, 10_000) }, cancellationToken: cancellationToken));
        return rows.Select(FleetRows.Event).ToList();
    }
}
