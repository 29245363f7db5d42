using Pyfleet.Cli;

var context = CliContext.FromProcess();
try
{
    return await PyfleetApp.RunAsync(args, context);
}
finally
{
    await context.Stdout.FlushAsync();
}
