using Pyfleet.Core.Configuration;
using Pyfleet.Core.Storage;
using Pyfleet.Storage;

namespace Pyfleet.Cli.Hosting;

/// <summary>
/// The one place the CLI's commands open their store: the engine and location come from
/// <see cref="DatabaseLocation.Resolve"/> (<c>--database</c>, <c>PYFLEET_DATABASE</c>, <c>[database] url</c>, else <c>pyfleet.db</c> in
/// the data folder) and the store from <see cref="PyfleetStoreFactory"/>.
/// </summary>
internal static class Stores
{
    /// <summary>Where the store of this run is.</summary>
    public static DatabaseLocation Location(CliContext context, PyfleetHome home) =>
        DatabaseLocation.Resolve(context.DatabaseOption, context.GetEnvironment, PyfleetConfig.Load(home, context.GetEnvironment), home, context.CurrentDirectory);

    /// <summary>Opens (creating and migrating when missing) the store of this run.</summary>
    public static IPyfleetStore Open(CliContext context, PyfleetHome home)
    {
        home.EnsureExists();
        var location = Location(context, home);
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

    /// <summary>True when the store may hold data already (a SQLite file that exists; any server database).</summary>
    public static bool Exists(CliContext context, PyfleetHome home) =>
        !Location(context, home).IsMissingFile;
}
