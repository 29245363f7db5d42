using System.Diagnostics;
using System.Security.Cryptography;
using Pyfleet.Fuzz;

// Usage:
//   Pyfleet.Fuzz list                          the target names
//   Pyfleet.Fuzz smoke TARGET SECONDS [OUT]    in-process mutation fuzzing from the seeds (no AFL needed; CI smoke)
//   Pyfleet.Fuzz afl TARGET                    one AFL++ child (run under afl-fuzz with SharpFuzz-instrumented Core)
//   Pyfleet.Fuzz seeds TARGET DIR              writes the target's seed corpus to DIR (for afl-fuzz -i)
//   Pyfleet.Fuzz run TARGET FILE...            replays inputs (a crash found earlier, a regression fixture)
if (args.Length == 0 || args[0] == "list")
{
    foreach (var t in Targets.All)
    {
        Console.WriteLine($"{t.Name} ({t.Seeds.Count} seeds)");
    }

    return 0;
}

var target = args.Length > 1 ? Targets.All.FirstOrDefault(t => t.Name == args[1]) : null;
if (target is null)
{
    Console.Error.WriteLine($"unknown target '{(args.Length > 1 ? args[1] : "")}'; run 'list'");
    return 2;
}

switch (args[0])
{
    case "afl":
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    case "seeds":
        Directory.CreateDirectory(args[2]);
        for (var i = 0; i < target.Seeds.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(args[2], $"seed-{i:D3}"), target.Seeds[i]);
        }

        return 0;
    case "run":
        foreach (var file in args.Skip(2))
        {
            target.Run(File.ReadAllBytes(file));
            Console.WriteLine($"{file}: ok");
        }

        return 0;
    case "smoke":
        var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var output = args.Length > 3 ? args[3] : Path.Combine(Repository.Root, "fuzz", "findings", target.Name);
        return Smoke(target, TimeSpan.FromSeconds(seconds), output);
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}

// Mutates the seeds for the given time; an unexpected exception or an input slower than the bound is a
// finding, written to OUT (kept as a regression fixture once fixed) and making the exit code 1.
static int Smoke(FuzzTarget target, TimeSpan duration, string output)
{
    var perInput = TimeSpan.FromSeconds(30); // the hang threshold of issue 17; generous on a shared box
    var mutator = new Mutator(target.Seeds, seed: 17);
    var watch = Stopwatch.StartNew();
    long executions = 0;
    var findings = 0;
    foreach (var seed in target.Seeds)
    {
        findings += Execute(target, seed, perInput, output);
        executions++;
    }

    while (watch.Elapsed < duration && findings < 5)
    {
        findings += Execute(target, mutator.Next(), perInput, output);
        executions++;
    }

    Console.WriteLine($"{target.Name}: {executions} executions in {watch.Elapsed.TotalSeconds:0.0} s ({executions / Math.Max(0.001, watch.Elapsed.TotalSeconds):0} /s), {findings} findings, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    return findings == 0 ? 0 : 1;
}

static int Execute(FuzzTarget target, byte[] input, TimeSpan bound, string output)
{
    var started = Stopwatch.GetTimestamp();
    string? problem = null;
    try
    {
        target.Run(input);
    }
    catch (Exception ex)
    {
        problem = $"{ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace}";
    }

    var elapsed = Stopwatch.GetElapsedTime(started);
    if (problem is null && elapsed > bound)
    {
        problem = $"slow input: {elapsed.TotalSeconds:0.0} s (bound {bound.TotalSeconds} s)";
    }

    if (problem is null)
    {
        return 0;
    }

    Directory.CreateDirectory(output);
    var name = Convert.ToHexString(SHA256.HashData(input))[..16].ToLowerInvariant();
    File.WriteAllBytes(Path.Combine(output, $"crash-{name}"), input);
    File.WriteAllText(Path.Combine(output, $"crash-{name}.txt"), problem);
    Console.Error.WriteLine($"{target.Name}: finding crash-{name}: {problem.Split('\n')[0]}");
    return 1;
}
