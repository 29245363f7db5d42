namespace Pyfleet.Core.Fleet.Events;

/// <summary>Why a <see cref="FleetEvent"/> was written.</summary>
public static class FleetEventCauses
{
    /// <summary>An ingested snapshot brought new findings.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>An advisory, release or EOL data change re-analysed the fleet.</summary>
    public const string Sync = "sync";

    /// <summary>A scheduled check found EOL dates coming within <c>lifecycle.warn-days</c> or passed.</summary>
    public const string Lifecycle = "lifecycle";
}
