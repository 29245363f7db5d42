using Pyfleet.Core.Advisories.Sync;
using Pyfleet.Core.Configuration;
using Pyfleet.Storage.Advisories;
using Pyfleet.Storage.Inventory;
using Pyfleet.Storage.Sqlite;

namespace Pyfleet.Cli.Hosting;

/// <summary>
/// The one place the CLI opens its store (SQLite in the data folder): every command goes through here, so the
/// engine choice (<c>--database</c> / <c>PYFLEET_DATABASE</c>) is made here and nowhere else.
/// </summary>
internal static class Stores
{
    /// <summary>Opens (creating when missing) the store in <paramref name="home"/>.</summary>
    public static SqliteStore Open(PyfleetHome home)
    {
        home.EnsureExists();
        return SqliteStore.Open(home.DatabasePath);
    }

    /// <summary>True when <paramref name="home"/> has a store already (nothing is created).</summary>
    public static bool Exists(PyfleetHome home) => File.Exists(home.DatabasePath);

    public static IAdvisoryStore Advisories(PyfleetHome home) => new SqliteAdvisoryStore(Open(home));

    public static SnapshotStore Snapshots(PyfleetHome home) => new(Open(home));
}
