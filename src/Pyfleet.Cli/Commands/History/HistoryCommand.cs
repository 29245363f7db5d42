using System.CommandLine;
using System.Globalization;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Cli.Commands.History;

/// <summary><c>pyfleet history HOST</c>: a host's snapshots, newest first.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var host = new Argument<string>("host") { Description = "Host name" };
        var command = new Command("history", "A host's snapshots, newest first");
        command.Arguments.Add(host);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = await options.OpenQueriesAsync(parse, context, cancellationToken);
            var name = parse.GetValue(host)!;
            var snapshots = await fleet.HistoryAsync(name, cancellationToken);
            await FleetOutput.WriteAsync(context, parse.GetValue(options.Format)!, new SnapshotsResponse(name, snapshots), FleetJson.Default.SnapshotsResponse,
                ["snapshot", "scannedAt", "receivedAt", "environments", "packages", "sha256"],
                snapshots.Select(s => new[]
                {
                    s.Id.ToString(CultureInfo.InvariantCulture), FleetOutput.Time(s.ScannedAt), FleetOutput.Time(s.ReceivedAt),
                    s.EnvironmentCount.ToString(CultureInfo.InvariantCulture), s.PackageCount.ToString(CultureInfo.InvariantCulture), s.Sha256,
                }));
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
