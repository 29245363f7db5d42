using System.CommandLine;
using Pyfleet.Cli.Commands.Audit;
using Pyfleet.Cli.Commands.Eol;
using Pyfleet.Cli.Commands.Fix;
using Pyfleet.Cli.Commands.Home;
using Pyfleet.Cli.Commands.Lint;
using Pyfleet.Cli.Commands.Outdated;
using Pyfleet.Cli.Commands.Sync;

namespace Pyfleet.Cli.Commands;

/// <summary>Every verb, in help order. Each command lives in <c>Commands/&lt;Verb&gt;/</c>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return AuditCommand.Create(context);
        yield return SyncCommand.Create(context);
        yield return OutdatedCommand.Create(context);
        yield return FixCommand.Create(context);
        yield return EolCommand.Create(context);
        yield return LintCommand.Create(context);
        yield return HomeCommand.Create(context);
        yield return Scan.ScanCommand.Create(context);
        foreach (var fleet in FleetCommands(context))
        {
            yield return fleet;
        }
    }

    // The fleet verbs (docs/fleet.md), each in its own Commands/<Verb>/ folder.
    private static IEnumerable<Command> FleetCommands(CliContext context) =>
    [
        Serve.ServeCommand.Create(context), Token.TokenCommand.Create(context), Push.PushCommand.Create(context),
        Agent.AgentCommand.Create(context), Who.WhoCommand.Create(context), Hosts.HostsCommand.Create(context),
        History.HistoryCommand.Create(context), Diff.DiffCommand.Create(context), Export.ExportCommand.Create(context),
    ];
}
