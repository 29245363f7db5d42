using System.CommandLine;
using System.Globalization;
using Pyfleet.Cli.Commands.Who;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet;

namespace Pyfleet.Cli.Commands.Token;

/// <summary>
/// <c>pyfleet token create|list|revoke</c> on the fleet store (the one <c>pyfleet serve</c> uses). A new token is
/// printed once, alone on stdout's first line; only its SHA-256 is kept.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("token", "Fleet server tokens: create (shown once), list, revoke");
        command.Subcommands.Add(CreateCreate(context));
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateRevoke(context));
        return command;
    }

    private static Command CreateCreate(CliContext context)
    {
        var options = new FleetOptions();
        var scope = new Option<string>("--scope") { Description = "enroll, ingest, read, admin or feed", Required = true };
        scope.AcceptOnlyFromAmong([.. TokenScopes.All]);
        var host = new Option<string?>("--host") { Description = "Bind the token to this host (ingest: it may write only this host)" };
        var expires = new Option<string?>("--expires") { Description = "Lifetime: 90d, 12h, 2w (default: no expiry)" };
        var name = new Option<string?>("--name") { Description = "A label to recognise the token by in 'token list'" };
        var command = new Command("create", "Create a token and print it once (first line of stdout)");
        command.Options.Add(scope);
        command.Options.Add(host);
        command.Options.Add(expires);
        command.Options.Add(name);
        options.AddTo(command, server: false, format: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            TimeSpan? lifetime = null;
            if (parse.GetValue(expires) is { } text)
            {
                lifetime = DurationText.TryParse(text, out var parsed) ? parsed : throw new PyfleetException($"--expires '{text}' is not a duration such as 90d, 12h or 2w");
            }

            var fleet = new FleetService(await options.OpenStoreAsync(parse, context, cancellationToken), context.Clock);
            var (secret, token) = await fleet.CreateTokenAsync(parse.GetValue(scope)!, parse.GetValue(host), parse.GetValue(name), lifetime, cancellationToken);
            await context.Stdout.WriteLineAsync(secret);
            await context.Stderr.WriteLineAsync($"token {token.Id} ({token.Scope}{(token.Host is null ? "" : $", host {token.Host}")}{(token.ExpiresAt is { } e ? $", expires {FleetOutput.Time(e)}" : "")}): shown once, store it now");
            return (int)ExitCode.Clean;
        });
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var options = new FleetOptions();
        var command = new Command("list", "List tokens (never their secrets)");
        options.AddTo(command, server: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = await options.OpenStoreAsync(parse, context, cancellationToken);
            var now = context.Clock.GetUtcNow();
            var tokens = await store.ListTokensAsync(cancellationToken);
            await FleetOutput.WriteAsync(context, parse.GetValue(options.Format)!, tokens.Select(FleetTokenView.From).ToList(), FleetJson.Default.IReadOnlyListFleetTokenView,
                ["id", "scope", "host", "name", "created", "expires", "state"],
                tokens.Select(t => new[]
                {
                    t.Id.ToString(CultureInfo.InvariantCulture), t.Scope, t.Host, t.Name, FleetOutput.Time(t.CreatedAt), FleetOutput.Time(t.ExpiresAt),
                    t.RevokedAt is not null ? "revoked" : t.IsActive(now) ? "active" : "expired",
                }));
            return (int)ExitCode.Clean;
        });
        return command;
    }

    private static Command CreateRevoke(CliContext context)
    {
        var options = new FleetOptions();
        var id = new Argument<long>("id") { Description = "Token id (from 'token list')" };
        var command = new Command("revoke", "Revoke a token: it stops working at once");
        command.Arguments.Add(id);
        options.AddTo(command, server: false, format: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var store = await options.OpenStoreAsync(parse, context, cancellationToken);
            if (!await store.RevokeTokenAsync(parse.GetValue(id), context.Clock.GetUtcNow(), cancellationToken))
            {
                throw new PyfleetException($"no active token {parse.GetValue(id)} (see 'pyfleet token list')");
            }

            await context.Stdout.WriteLineAsync($"revoked token {parse.GetValue(id)}");
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
