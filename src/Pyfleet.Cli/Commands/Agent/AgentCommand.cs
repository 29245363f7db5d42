using System.CommandLine;
using Pyfleet.Cli.Commands.Push;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Client;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Cli.Commands.Agent;

/// <summary>
/// <c>pyfleet agent --server URL [--interval 1h] [--system] [PATH…]</c>: scan, push, sleep (with jitter), for ever
/// or once (<c>--once</c>, for a systemd timer or cron). Scans wait in the data folder's spool until acknowledged.
/// </summary>
internal static class AgentCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var paths = new Argument<string[]>("paths") { Description = "Folders to scan (default with --system: none)", Arity = ArgumentArity.ZeroOrMore };
        var system = new Option<bool>("--system") { Description = "Also scan the system interpreters and site-packages" };
        var interval = new Option<string>("--interval") { Description = "Time between scans: 1h, 30m, 1d", DefaultValueFactory = _ => "1h" };
        var once = new Option<bool>("--once") { Description = "One cycle (scan, push or heartbeat, send the spool), then exit" };
        var command = new Command("agent", "Scan this host and push to a fleet server periodically (spooled when the server is down)");
        command.Arguments.Add(paths);
        command.Options.Add(system);
        command.Options.Add(interval);
        command.Options.Add(once);
        options.AddTo(command, format: false);
        options.Server.Required = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!DurationText.TryParse(parse.GetValue(interval), out var period))
            {
                throw new PyfleetException($"--interval '{parse.GetValue(interval)}' is not a duration such as 1h, 30m or 1d");
            }

            var home = context.ResolveHome(parse.GetValue(GlobalOptions.Home));
            var agent = new FleetAgent(PushCommand.CreateUploader(parse, options, context), new AgentSpool(Path.Combine(home.Root, "spool")),
                Path.Combine(home.Root, "agent-last-ack"), context.Clock);
            var scanOptions = ScanOptionsFor(parse.GetValue(paths) ?? [], parse.GetValue(system), parse, context);
            var exit = (int)ExitCode.Clean;
            do
            {
                var document = new EnvironmentScanner(context.Clock).Scan(scanOptions, cancellationToken);
                var result = await agent.RunCycleAsync(document, cancellationToken);
                await context.Stderr.WriteLineAsync(result.Heartbeat
                    ? "agent: unchanged, heartbeat sent"
                    : $"agent: sent {result.Sent}, pending {result.Pending}, rejected {result.Rejected}{(result.Error is null ? "" : $" ({result.Error})")}");
                exit = result.Pending > 0 || result.Rejected > 0 ? (int)ExitCode.UsageOrInputError : (int)ExitCode.Clean;
                if (parse.GetValue(once))
                {
                    break;
                }

                // The jitter spreads a fleet that was started together over a tenth of the period.
                await Task.Delay(period + FleetAgent.Jitter(period / 10), context.Clock, cancellationToken);
            }
            while (!cancellationToken.IsCancellationRequested);
            return exit;
        });
        return command;
    }

    private static ScanOptions ScanOptionsFor(string[] paths, bool system, ParseResult parse, CliContext context)
    {
        if (paths.Length == 0 && !system)
        {
            throw new PyfleetException("give folders to scan, --system, or both");
        }

        var homeDirectory = context.GetEnvironment("HOME");
        return new ScanOptions
        {
            Paths = [.. paths.Select(p => Path.GetFullPath(p, context.CurrentDirectory))],
            IncludeSystem = system,
            HomeDirectories = string.IsNullOrEmpty(homeDirectory) ? [] : [homeDirectory],
            Labels = Hosting.CommandSession.Start(context, parse.GetValue(GlobalOptions.Home)).Labels([]),
            ManifestOptions = new Core.Manifests.ManifestReadOptions { GetEnvironment = context.GetEnvironment },
        };
    }
}
