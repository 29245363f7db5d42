using System.CommandLine;
using System.Globalization;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Cli.Commands.Hosts;

/// <summary><c>pyfleet hosts</c>: the hosts the fleet knows, with their latest snapshot.</summary>
internal static class HostsCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var command = new Command("hosts", "Hosts in the fleet store (or on --server) with their latest snapshot");
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = await options.OpenQueriesAsync(parse, context, cancellationToken);
            var hosts = await fleet.HostsAsync(cancellationToken);
            await FleetOutput.WriteAsync(context, parse.GetValue(options.Format)!, new HostsResponse(hosts), FleetJson.Default.HostsResponse,
                ["host", "os", "latestSnapshot", "scannedAt", "lastSeen", "environments", "packages"],
                hosts.Select(h => new[]
                {
                    h.Name, h.Os, h.LatestSnapshot?.ToString(CultureInfo.InvariantCulture), FleetOutput.Time(h.LatestScannedAt), FleetOutput.Time(h.LastSeen),
                    h.EnvironmentCount.ToString(CultureInfo.InvariantCulture), h.PackageCount.ToString(CultureInfo.InvariantCulture),
                }));
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
