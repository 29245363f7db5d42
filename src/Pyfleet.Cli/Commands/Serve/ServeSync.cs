using Pyfleet.Core.Application.Advisories;
using Pyfleet.Core.Fleet.Jobs;

namespace Pyfleet.Cli.Commands.Serve;

/// <summary>
/// The server's scheduled advisory sync (<c>serve.sync-interval-minutes</c>, 360): the configured OSV sources into
/// the server's own store, as <c>pyfleet sync</c> does; the re-analysis job sees the new data version afterwards.
/// </summary>
internal sealed class ServeSync(AdvisoryDatabaseService database, TimeSpan interval) : IScheduledSync
{
    public TimeSpan Interval => interval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var source in database.ConfiguredSources(null))
        {
            await database.SyncAsync(source, full: false, null, null, cancellationToken);
        }
    }
}
