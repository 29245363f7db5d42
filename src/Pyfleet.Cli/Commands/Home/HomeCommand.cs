using System.CommandLine;
using Pyfleet.Cli.Hosting;

namespace Pyfleet.Cli.Commands.Home;

/// <summary><c>pyfleet home</c>: prints the data folder in use and initialises the store there.</summary>
internal static class HomeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("home", "Show the data folder (store, caches, config) and create it if missing");
        command.SetAction(parseResult =>
        {
            var home = context.ResolveHome(parseResult.GetValue(GlobalOptions.Home));
            using var store = Stores.Open(context, home);
            context.Stdout.WriteLine($"home:   {home.Root}");
            var origin = store.Location.Origin == "default" ? "" : $" ({store.Location.Origin})";
            context.Stdout.WriteLine($"store:  {store.Location}{origin}");
            context.Stdout.WriteLine($"config: {home.ConfigPath}{(File.Exists(home.ConfigPath) ? "" : " (not present)")}");
            context.Stdout.WriteLine($"cache:  {home.CacheDirectory}");
            return (int)ExitCode.Clean;
        });
        return command;
    }
}
