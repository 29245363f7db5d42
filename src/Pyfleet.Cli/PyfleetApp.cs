using System.CommandLine;
using Pyfleet.Cli.Commands;
using Pyfleet.Core.Errors;

namespace Pyfleet.Cli;

/// <summary>The whole CLI as one function from arguments to an exit code, so tests can run it in-process.</summary>
public static class PyfleetApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (UsageErrors.Find(parseResult) is { } usage)
        {
            await context.Stderr.WriteLineAsync($"error: {usage.Error}");
            if (usage.Hint is not null)
            {
                await context.Stderr.WriteLineAsync($"hint: {usage.Hint}");
            }

            return (int)ExitCode.UsageOrInputError;
        }

        context.DatabaseOption = parseResult.GetValue(GlobalOptions.Database);
        try
        {
            var configuration = new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr, EnableDefaultExceptionHandler = false };
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (PyfleetException ex)
        {
            await context.Stderr.WriteLineAsync($"error: {ex.Describe()}");
            return (int)ExitCode.UsageOrInputError;
        }
        catch (OperationCanceledException)
        {
            await context.Stderr.WriteLineAsync("cancelled");
            return (int)ExitCode.UsageOrInputError;
        }
        catch (Exception ex) when (context.GetEnvironment("PYFLEET_DEBUG") is null or "" or "0")
        {
            await context.Stderr.WriteLineAsync($"internal error: {ex.GetType().Name}: {ex.Message} (set PYFLEET_DEBUG=1 for details)");
            return (int)ExitCode.InternalError;
        }
    }

    internal static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("Pyfleet: inventory, vulnerability and end-of-life audit of Python environments.");
        root.Options.Add(GlobalOptions.Home);
        root.Options.Add(GlobalOptions.Database);
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
