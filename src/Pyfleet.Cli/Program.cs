using Pyfleet.Cli;

return await PyfleetApp.RunAsync(args, CliContext.FromProcess());
