using System.CommandLine;
using System.Globalization;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Cli.Commands.Who;

/// <summary>
/// <c>pyfleet who SPEC</c>: every host, environment and label running a version that matches a PEP 508 requirement
/// (pre-releases included), from each host's latest snapshot, in the local store or on <c>--server</c>.
/// </summary>
internal static class WhoCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var spec = new Argument<string>("spec") { Description = "A requirement without markers: 'django<4.2.8', 'urllib3==1.26.*', 'Django>=4.2.8,<5'" };
        var command = new Command("who", "Which hosts and environments run a version matching SPEC (and which labels use them)");
        command.Arguments.Add(spec);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = await options.OpenQueriesAsync(parse, context, cancellationToken);
            var matches = await fleet.WhoAsync(parse.GetValue(spec)!, cancellationToken);
            await FleetOutput.WriteAsync(context, parse.GetValue(options.Format)!, new WhoResponse(matches), FleetJson.Default.WhoResponse,
                ["host", "environment", "kind", "labels", "package", "version", "osPackage", "snapshot", "scannedAt"],
                matches.Select(m => new[] { m.Host, m.Environment, m.Kind, string.Join(' ', m.Labels), m.Package, m.Version, m.OsPackage, m.Snapshot.ToString(CultureInfo.InvariantCulture), FleetOutput.Time(m.ScannedAt) }));
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
