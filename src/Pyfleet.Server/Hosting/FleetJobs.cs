using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Analysis;
using Pyfleet.Core.Fleet.Jobs;

namespace Pyfleet.Server.Hosting;

/// <summary>
/// The server's background jobs, each claimed through <see cref="IFleetStore.TryRunExclusiveAsync"/> so that any
/// number of servers on one PostgreSQL database run it once at a time: re-analysis when the advisory/EOL data
/// version moved (checked every <see cref="FleetServerOptions.ReanalysisInterval"/>: a <c>pyfleet sync</c> into the
/// same store is seen within that), the scheduled sync when one is configured, and retention once an hour.
/// A failing job is logged and tried again next round; it never stops the server.
/// </summary>
internal sealed class FleetJobs(IServiceProvider services, FleetServerOptions options, FleetMetrics metrics, TimeProvider clock, ILogger<FleetJobs> logger) : BackgroundService
{
    private DateTimeOffset _nextSync = DateTimeOffset.MinValue;
    private DateTimeOffset _nextRetention = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = services.GetRequiredService<IFleetStore>();
        var data = services.GetRequiredService<AnalysisDataSource>();
        var sync = services.GetService<IScheduledSync>();
        _nextSync = sync is null ? DateTimeOffset.MaxValue : clock.GetUtcNow() + sync.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (sync is not null && clock.GetUtcNow() >= _nextSync)
            {
                _nextSync = clock.GetUtcNow() + sync.Interval;
                await RunAsync(store, FleetJobNames.Sync, sync.RunAsync, stoppingToken);
            }

            await RunAsync(store, FleetJobNames.Reanalysis, ct => new FleetReanalysis(store, data, clock).RunAsync(ct), stoppingToken);
            if (options.RetentionDays > 0 && clock.GetUtcNow() >= _nextRetention)
            {
                _nextRetention = clock.GetUtcNow().AddHours(1);
                await RunAsync(store, FleetJobNames.Retention, ct => store.PruneSnapshotsAsync(clock.GetUtcNow().AddDays(-options.RetentionDays), ct), stoppingToken);
            }

            try
            {
                await Task.Delay(options.ReanalysisInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunAsync(IFleetStore store, string job, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (await store.TryRunExclusiveAsync(job, work, stoppingToken))
            {
                metrics.JobRan(job, Stopwatch.GetElapsedTime(started), failed: false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            metrics.JobRan(job, Stopwatch.GetElapsedTime(started), failed: true);
            logger.LogError(ex, "fleet job {Job} failed; it runs again next round", job);
        }
    }
}
