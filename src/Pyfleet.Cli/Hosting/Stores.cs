using Pyfleet.Core.Configuration;
using Pyfleet.Core.Storage;
using Pyfleet.Storage;

namespace Pyfleet.Cli.Hosting;

/// <summary>
/// The one place the CLI's commands open their store: the engine and location come from
/// <see cref="DatabaseLocation.Resolve"/> (<c>PYFLEET_DATABASE</c>, <c>[database] url</c>, else <c>pyfleet.db</c> in
/// the data folder) and the store from <see cref="PyfleetStoreFactory"/>.
/// </summary>
internal static class Stores
{
    /// <summary>Where the store of this run is.</summary>
    public static DatabaseLocation Location(CliContext context, PyfleetHome home) =>
        DatabaseLocation.Resolve(null, context.GetEnvironment, PyfleetConfig.Load(home, context.GetEnvironment), home, context.CurrentDirectory);

    /// <summary>Opens (creating and migrating when missing) the store of this run.</summary>
    public static IPyfleetStore Open(CliContext context, PyfleetHome home)
    {
        home.EnsureExists();
        return PyfleetStoreFactory.Instance.Open(Location(context, home));
    }

    /// <summary>True when the store may hold data already (a SQLite file that exists; any server database).</summary>
    public static bool Exists(CliContext context, PyfleetHome home) =>
        !Location(context, home).IsMissingFile;
}
