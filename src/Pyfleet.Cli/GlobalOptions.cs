using System.CommandLine;

namespace Pyfleet.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Home = new("--home")
    {
        Description = "Data folder for the store, caches and config (default: $PYFLEET_HOME, else the per-user data folder)",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "The store: a SQLite file, or PostgreSQL as postgresql://user@host:port/db or Host=…;Database=… " +
            "(default: $PYFLEET_DATABASE, else [database] url in config.toml, else pyfleet.db in the data folder)",
        Recursive = true,
    };
}
