using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/Pyfleet.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
