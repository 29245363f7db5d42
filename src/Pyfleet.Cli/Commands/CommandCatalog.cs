using System.CommandLine;
using Pyfleet.Cli.Commands.Home;

namespace Pyfleet.Cli.Commands;

/// <summary>Every verb, in help order. Each command lives in <c>Commands/&lt;Verb&gt;/</c>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return HomeCommand.Create(context);
        yield return Scan.ScanCommand.Create(context);
    }
}
