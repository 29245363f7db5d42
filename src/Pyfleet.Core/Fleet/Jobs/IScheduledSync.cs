namespace Pyfleet.Core.Fleet.Jobs;

/// <summary>
/// The server's own scheduled sync of advisories (and EOL data) into its store, run by the job loop under the
/// <see cref="FleetJobNames.Sync"/> claim; the re-analysis notices the new data version afterwards.
/// </summary>
public interface IScheduledSync
{
    /// <summary>How often to run; the first run waits one interval after start.</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
