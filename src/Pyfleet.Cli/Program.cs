using Pyfleet.Cli;

// Most commands open the store: load SQLite on the second core while the command line is parsed.
_ = Task.Run(Pyfleet.Storage.Sqlite.SqliteStore.WarmUp);
var context = CliContext.FromProcess();
try
{
    return await PyfleetApp.RunAsync(args, context);
}
finally
{
    await context.Stdout.FlushAsync();
}
