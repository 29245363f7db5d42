namespace Pyfleet.Core.Fleet.Findings;

/// <summary>
/// The fleet's current findings as the server's analysis keeps them. Read by the API, the dashboard, the feeds
/// and the notifier; written only by the analysis.
/// </summary>
public interface IFleetFindings
{
    Task<FindingsPage> FindingsAsync(FindingsFilter filter, CancellationToken cancellationToken);
}
