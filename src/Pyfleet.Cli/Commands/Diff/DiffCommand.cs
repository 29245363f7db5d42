using System.CommandLine;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Cli.Commands.Diff;

/// <summary><c>pyfleet diff HOST [FROM] [TO]</c>: packages added, removed or changed between two snapshots (default: the last two).</summary>
internal static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var host = new Argument<string>("host") { Description = "Host name" };
        var from = new Argument<long?>("from") { Description = "Older snapshot id (default: the one before the latest)", Arity = ArgumentArity.ZeroOrOne };
        var to = new Argument<long?>("to") { Description = "Newer snapshot id (default: the latest)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("diff", "What changed on a host between two snapshots");
        command.Arguments.Add(host);
        command.Arguments.Add(from);
        command.Arguments.Add(to);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var fleet = await options.OpenQueriesAsync(parse, context, cancellationToken);
            var diff = await fleet.DiffAsync(parse.GetValue(host)!, parse.GetValue(from), parse.GetValue(to), cancellationToken);
            await FleetOutput.WriteAsync(context, parse.GetValue(options.Format)!, diff, FleetJson.Default.SnapshotDiff,
                ["environment", "package", "change", "before", "after"],
                diff.Changes.Select(c => new[] { c.Environment, c.Package, c.Change, c.Before, c.After }));
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
