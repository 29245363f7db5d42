using System.CommandLine;
using Pyfleet.Cli.Commands.Who;

namespace Pyfleet.Cli.Commands.Export;

/// <summary><c>pyfleet export HOST ENV [--snapshot ID]</c>: a pinned requirements.txt of one environment as a snapshot saw it.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var host = new Argument<string>("host") { Description = "Host name" };
        var environment = new Argument<string>("environment") { Description = "Environment path (/srv/app/.venv)" };
        var snapshot = new Option<long?>("--snapshot") { Description = "Snapshot id (default: the host's latest)" };
        var command = new Command("export", "A pinned requirements.txt of one environment of a host, to roll back to a known state");
        command.Arguments.Add(host);
        command.Arguments.Add(environment);
        command.Options.Add(snapshot);
        options.AddTo(command, format: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = await options.OpenQueriesAsync(parse, context, cancellationToken);
            await context.Stdout.WriteAsync(await fleet.RequirementsAsync(parse.GetValue(host)!, parse.GetValue(environment)!, parse.GetValue(snapshot), cancellationToken));
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
