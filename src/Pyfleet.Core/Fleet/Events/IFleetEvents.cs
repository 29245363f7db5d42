namespace Pyfleet.Core.Fleet.Events;

/// <summary>Reads the event outbox the analysis writes (for the notifier and the feeds).</summary>
public interface IFleetEvents
{
    /// <summary>Events with an id above <paramref name="afterId"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FleetEvent>> EventsAfterAsync(long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>The newest events first (for feeds), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FleetEvent>> LatestEventsAsync(int limit, CancellationToken cancellationToken);
}
