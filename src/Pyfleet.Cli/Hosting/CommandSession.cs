using Pyfleet.Core.Application.Advisories;
using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Configuration;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Http;
using Pyfleet.Core.Inventory;
using Pyfleet.Core.Releases.Http;
using Pyfleet.Core.Scanning;

namespace Pyfleet.Cli.Hosting;

/// <summary>
/// What every command starts from: the data folder, the settings bound once from <c>config.toml</c> +
/// <c>PYFLEET_*</c> (their warnings printed once, on stderr), and the services built from them.
/// </summary>
internal sealed class CommandSession
{
    private CommandSession(CliContext context, PyfleetHome home, PyfleetSettings settings)
    {
        Context = context;
        Home = home;
        Settings = settings;
    }

    public CliContext Context { get; }
    public PyfleetHome Home { get; }
    public PyfleetSettings Settings { get; }
    public PyfleetOptions Options => Settings.Options;

    /// <summary>Resolves the home (<c>--home</c>) and binds the settings.</summary>
    public static CommandSession Start(CliContext context, string? explicitHome)
    {
        var home = context.ResolveHome(explicitHome);
        var settings = PyfleetOptionsLoader.Load(home, context.GetEnvironment);
        foreach (var warning in settings.Warnings)
        {
            context.Stderr.WriteLine($"warning: {warning}");
        }

        return new CommandSession(context, home, settings);
    }

    /// <summary>Labels from config (<c>[labels]</c>) plus <c>--label PATH=NAME</c> options.</summary>
    public EnvironmentLabels Labels(IReadOnlyList<string> labelOptions)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (path, names) in Options.Labels)
        {
            pairs.AddRange(names.Select(name => new KeyValuePair<string, string>(Path.GetFullPath(path, Context.CurrentDirectory), name)));
        }

        foreach (var label in labelOptions)
        {
            var equals = label.LastIndexOf('=');
            if (equals <= 0 || equals == label.Length - 1)
            {
                throw new PyfleetException($"--label '{label}': expected PATH=NAME");
            }

            pairs.Add(new(Path.GetFullPath(label[..equals], Context.CurrentDirectory), label[(equals + 1)..]));
        }

        return pairs.Count == 0 ? EnvironmentLabels.None : new EnvironmentLabels(pairs);
    }

    /// <summary>Input options shared by every command that reads inventories; <c>snapshot:ID</c> from the local store.</summary>
    public InventorySourceOptions InputOptions(IReadOnlyList<string>? labelOptions = null) => new()
    {
        CurrentDirectory = Context.CurrentDirectory,
        GetEnvironment = Context.GetEnvironment,
        Labels = Labels(labelOptions ?? []),
        LoadSnapshot = LoadSnapshot,
    };

    public InventorySourceResolver Resolver() => new(Context.Clock);

    /// <summary>The HTTP stack of this command (<c>[http]</c> options, the proxy variables, the context's clock).</summary>
    public HttpStack Http() => new(Options.Http, Context.Clock, Context.GetEnvironment);

    /// <summary>The cached fetcher of the index and endoflife.date clients, its cache under <c>{home}/cache/http</c>.</summary>
    public CachedHttpFetcher Fetcher(bool offline)
    {
        Home.EnsureExists();
        return new CachedHttpFetcher(Http(), new HttpFetchOptions { CacheDirectory = Path.Combine(Home.CacheDirectory, "http"), Offline = offline }, Context.Clock, ownsStack: true);
    }

    /// <summary>The advisory database service over the local store (opened when called: on another core in an audit).</summary>
    public AdvisoryDatabaseService AdvisoryDatabase() => new(Stores.Open(Context, Home).Advisories, new AdvisoryDatabaseOptions
    {
        Osv = Options.Osv,
        Http = Options.Http,
        GetEnvironment = Context.GetEnvironment,
        CacheDirectory = Home.CacheDirectory,
        CurrentDirectory = Context.CurrentDirectory,
        DatabaseDisplay = Stores.Location(Context, Home).ToString(),
    }, Context.Clock);

    // (Synchronous: inputs are resolved on the audit's main thread while the index compiles on the other core.)
    private InventoryDocument LoadSnapshot(long id) =>
        Stores.Exists(Context, Home) ? Stores.Open(Context, Home).Snapshots.LoadAsync(id).GetAwaiter().GetResult()
            : throw new PyfleetException("no store here yet: run 'pyfleet scan' first", Home.DatabasePath);
}
