using Pyfleet.Core.Configuration;
using Pyfleet.Core.Storage;
using Pyfleet.Storage;

namespace Pyfleet.Cli;

/// <summary>
/// The store every command opens: <c>--database</c>, else <c>PYFLEET_DATABASE</c>, else <c>[database] url</c> in
/// config.toml, else <c>pyfleet.db</c> in the data folder (<see cref="DatabaseLocation.Resolve"/>), with the engine
/// it names (<see cref="PyfleetStoreFactory"/>).
/// </summary>
internal static class CliStore
{
    /// <summary>Where the store is for this command.</summary>
    public static DatabaseLocation Locate(CliContext context, PyfleetHome home, string? explicitDatabase) =>
        DatabaseLocation.Resolve(explicitDatabase, context.GetEnvironment, PyfleetConfig.Load(home, context.GetEnvironment), home, context.CurrentDirectory);

    /// <summary>Opens (creating and migrating) the store for this command.</summary>
    public static IPyfleetStore Open(CliContext context, PyfleetHome home, string? explicitDatabase) => Open(context, Locate(context, home, explicitDatabase));

    /// <summary>Opens (creating and migrating) the store at <paramref name="location"/>.</summary>
    public static IPyfleetStore Open(CliContext context, DatabaseLocation location)
    {
        WarnIfPasswordOnCommandLine(context, location);
        return PyfleetStoreFactory.Instance.Open(location);
    }

    // A password in an argument is visible to every user of the machine (ps, /proc/PID/cmdline) and lands in shell
    // history; the variable, config.toml or PGPASSWORD/.pgpass are the places for it.
    private static void WarnIfPasswordOnCommandLine(CliContext context, DatabaseLocation location)
    {
        if (location.Origin == "--database" && location.HasPassword)
        {
            context.Stderr.WriteLine("warning: --database carries a password, which other users can see in the process list; " +
                "use PYFLEET_DATABASE, [database] url in config.toml, or PGPASSWORD / ~/.pgpass instead");
        }
    }
}
