using System.CommandLine;
using Pyfleet.Cli.Commands.Outdated;
using Pyfleet.Cli.Hosting;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Cli.Commands.Eol;

/// <summary><c>pyfleet eol sync</c> and <c>pyfleet eol show PRODUCT VERSION</c>.</summary>
internal static class EolCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eol", "endoflife.date data: sync the local copy, look up a product version");
        command.Subcommands.Add(CreateSync(context));
        command.Subcommands.Add(CreateShow(context));
        return command;
    }

    private static Command CreateSync(CliContext context)
    {
        var options = new ReleaseOptions();
        var source = new Option<string?>("--source") { Description = "Air-gapped: a folder, file:// URL or zip of endoflife.date API v1 responses (products/full.json or products/NAME.json)" };
        var command = new Command("sync", "Download /products/full from endoflife.date into the cache (or read a local copy with --source)");
        command.Options.Add(source);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var session = CommandSession.Start(context, parse.GetValue(GlobalOptions.Home));
            using var fetcher = session.Fetcher(parse.GetValue(options.Offline));
            var client = options.CreateEolClient(parse, fetcher, session.Home, session.Options);
            var count = parse.GetValue(source) is { } local
                ? await client.ImportAsync(Path.GetFullPath(local.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(local).LocalPath : local, context.CurrentDirectory), cancellationToken)
                : await client.SyncAsync(cancellationToken);
            await context.Stdout.WriteLineAsync($"synced {Rendering.Plural.Of(count, "product")}");
            return (int)ExitCode.Clean;
        });
        return command;
    }

    private static Command CreateShow(CliContext context)
    {
        var options = new ReleaseOptions();
        var product = new Argument<string>("product") { Description = "endoflife.date product (python, django, debian) or a PyPI name" };
        var version = new Argument<string>("version") { Description = "version or cycle (3.8.10, 3.2, 12)" };
        var command = new Command("show", "Lifecycle of one product version as of --as-of");
        command.Arguments.Add(product);
        command.Arguments.Add(version);
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var session = CommandSession.Start(context, parse.GetValue(GlobalOptions.Home));
            using var fetcher = session.Fetcher(parse.GetValue(options.Offline));
            var client = options.CreateEolClient(parse, fetcher, session.Home, session.Options);
            var name = parse.GetValue(product)!;
            var mapped = EolProductMap.From(client.StoredProducts()).ProductFor(name) ?? name;
            var found = await client.GetProductAsync(mapped, cancellationToken) ?? throw new PyfleetException($"endoflife.date has no product '{mapped}'");
            var status = new EolEvaluator(options.ResolveAsOf(parse, context), options.ResolveWarnDays(parse, session.Options)).Evaluate(found, parse.GetValue(version)!);
            if (status.Cycle is null)
            {
                throw new PyfleetException($"{mapped}: no release cycle matches '{parse.GetValue(version)}'");
            }

            await context.Stdout.WriteLineAsync(EolText.Show(status));
            return (int)(status.IsEol ? ExitCode.Findings : ExitCode.Clean);
        });
        return command;
    }
}
