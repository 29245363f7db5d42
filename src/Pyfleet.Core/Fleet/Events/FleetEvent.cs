namespace Pyfleet.Core.Fleet.Events;

/// <summary>
/// Something the fleet should be told about, written by the analysis in the same transaction as the findings it
/// changed (a transactional outbox): one event per cause — one ingested snapshot, one advisory/EOL sync — listing
/// every affected item. Notification channels digest events; the Atom feeds list them.
/// </summary>
/// <remarks>
/// <para><c>Id</c>: Store-assigned, increasing: consumers keep a cursor.</para>
/// <para><c>Key</c>: Stable and unique per event (e.g. <c>snapshot:42</c>, <c>sync:2026-12-02T10:00:00Z</c>): de-duplication.</para>
/// <para><c>Cause</c>: One of <see cref="FleetEventCauses"/>.</para>
/// </remarks>
public sealed record FleetEvent(
    long Id,
    string Key,
    string Cause,
    DateTimeOffset OccurredAt,
    IReadOnlyList<FleetEventItem> Items);
