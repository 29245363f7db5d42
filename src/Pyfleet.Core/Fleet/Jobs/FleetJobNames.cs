namespace Pyfleet.Core.Fleet.Jobs;

/// <summary>The background jobs claimed through <see cref="IFleetStore.TryRunExclusiveAsync"/>: each runs on one server at a time.</summary>
public static class FleetJobNames
{
    /// <summary>Re-analyse stale pairs after an advisory/EOL change.</summary>
    public const string Reanalysis = "reanalysis";

    /// <summary>The server's own scheduled advisory and EOL sync.</summary>
    public const string Sync = "sync";

    /// <summary>Delete snapshots past the retention period (the latest of each host stays).</summary>
    public const string Retention = "retention";

    /// <summary>Deliver notifications from the event outbox (claimed by the notifier).</summary>
    public const string Notify = "notify";
}
