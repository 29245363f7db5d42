using System.CommandLine;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Client;
using Pyfleet.Core.Storage;
using Pyfleet.Storage;

namespace Pyfleet.Cli.Commands.Who;

/// <summary>
/// Options the fleet commands share: the local store (<c>--database</c>, else <c>PYFLEET_DATABASE</c>, else
/// <c>database.url</c>, else the data folder's SQLite) or a server (<c>--server URL</c> with a token from
/// <c>PYFLEET_TOKEN</c> or <c>--token-file</c>), and <c>--format table|json|csv</c>.
/// </summary>
internal sealed class FleetOptions
{
    public Option<string?> Server { get; } = new("--server") { Description = "Ask this fleet server (http[s]://host:port) instead of the local store" };
    public Option<string?> TokenFile { get; } = new("--token-file") { Description = "File holding the token (default: $PYFLEET_TOKEN)" };
    public Option<string?> Token { get; } = new("--token") { Description = "The token itself (visible to other users in the process list: prefer PYFLEET_TOKEN or --token-file)" };
    public Option<string?> Database { get; } = new("--database") { Description = "Store to use: postgresql://user@host:port/db, an Npgsql connection string or sqlite:PATH (default: $PYFLEET_DATABASE, else the data folder)" };
    public Option<string> Format { get; } = new("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };

    public void AddTo(Command command, bool server = true, bool format = true)
    {
        if (server)
        {
            command.Options.Add(Server);
            command.Options.Add(TokenFile);
            command.Options.Add(Token);
        }

        command.Options.Add(Database);
        if (format)
        {
            Format.AcceptOnlyFromAmong("table", "json", "csv");
            command.Options.Add(Format);
        }
    }

    /// <summary>The token: <c>--token</c> (with a warning), else <c>--token-file</c>, else <c>PYFLEET_TOKEN</c>.</summary>
    public string ResolveToken(ParseResult parse, CliContext context)
    {
        if (parse.GetValue(Token) is { Length: > 0 } given)
        {
            context.Stderr.WriteLine("warning: a token on the command line is visible to other users (ps, shell history); use PYFLEET_TOKEN or --token-file");
            return given.Trim();
        }

        if (parse.GetValue(TokenFile) is { Length: > 0 } file)
        {
            try
            {
                return File.ReadAllText(file).Trim() is { Length: > 0 } text ? text : throw new PyfleetException("the token file is empty", file);
            }
            catch (IOException ex)
            {
                throw new PyfleetException($"cannot read the token file: {ex.Message}", file);
            }
        }

        return context.GetEnvironment("PYFLEET_TOKEN") is { Length: > 0 } variable
            ? variable.Trim()
            : throw new PyfleetException("a fleet token is needed: set PYFLEET_TOKEN or pass --token-file FILE");
    }

    /// <summary>The server URL as a base URI (with a trailing slash), or a usage error.</summary>
    public static Uri ParseServer(string text) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new PyfleetException($"--server '{text}' is not an http(s) URL");

    /// <summary>The fleet store: <c>--database</c>, else <c>PYFLEET_DATABASE</c>, else <c>database.url</c>, else the data folder's SQLite.</summary>
    public async Task<IFleetStore> OpenStoreAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken) =>
        (await OpenWholeStoreAsync(parse, context, cancellationToken)).Fleet;

    /// <summary>The whole store (advisories too) <see cref="OpenStoreAsync"/> opens.</summary>
    public async Task<IPyfleetStore> OpenWholeStoreAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        var home = context.ResolveHome(parse.GetValue(GlobalOptions.Home));
        home.EnsureExists();
        var location = DatabaseLocation.Resolve(parse.GetValue(Database), context.GetEnvironment, context.LoadConfig(parse.GetValue(GlobalOptions.Home)), home, context.CurrentDirectory);
        return await PyfleetStoreFactory.Instance.OpenAsync(location, cancellationToken);
    }

    /// <summary>The fleet to query: the server named by <c>--server</c>, else the local store.</summary>
    public async Task<IFleetQueries> OpenQueriesAsync(ParseResult parse, CliContext context, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Server) is { Length: > 0 } server)
        {
            return new FleetClient(new HttpClient { Timeout = TimeSpan.FromSeconds(100) }, ParseServer(server), ResolveToken(parse, context));
        }

        return new LocalFleetQueries(new FleetService(await OpenStoreAsync(parse, context, cancellationToken), context.Clock));
    }
}
