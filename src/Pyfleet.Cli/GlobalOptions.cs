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
}
