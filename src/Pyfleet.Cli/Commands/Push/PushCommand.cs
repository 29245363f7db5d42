using System.CommandLine;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet.Client;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Cli.Commands.Push;

/// <summary>
/// <c>pyfleet push FILE --server URL</c>: sends an inventory document made elsewhere (an air-gapped host's
/// <c>scan --format json</c>) to a fleet server. The first push with an enroll token enrols the host.
/// </summary>
internal static class PushCommand
{
    public static Command Create(CliContext context)
    {
        var options = new FleetOptions();
        var file = new Argument<string>("file") { Description = "Inventory document (pyfleet scan --format json)" };
        var command = new Command("push", "Send an inventory document to a fleet server");
        command.Arguments.Add(file);
        options.AddTo(command, format: false);
        options.Server.Required = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            byte[] json;
            try
            {
                json = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new PyfleetException($"cannot read: {ex.Message}", path);
            }

            var host = InventoryReader.Open(json, path).Host.Name;
            var uploader = CreateUploader(parse, options, context);
            var (response, created) = await uploader.PushAsync(host, json, cancellationToken);
            await context.Stdout.WriteLineAsync($"snapshot {response.Snapshot} for host {response.Host} ({(created ? "stored" : "already stored")})");
            return (int)ExitCode.Clean;
        });
        return command;
    }

    /// <summary>An uploader for <c>--server</c> with the configured token, keeping the host token in the data folder.</summary>
    internal static FleetUploader CreateUploader(ParseResult parse, FleetOptions options, CliContext context)
    {
        var home = context.ResolveHome(parse.GetValue(GlobalOptions.Home));
        home.EnsureExists();
        return new FleetUploader(
            new HttpClient { Timeout = TimeSpan.FromSeconds(100) },
            FleetOptions.ParseServer(parse.GetValue(options.Server)!),
            options.ResolveToken(parse, context),
            new HostTokenFile(Path.Combine(home.Root, "fleet-host-token.json")));
    }
}
