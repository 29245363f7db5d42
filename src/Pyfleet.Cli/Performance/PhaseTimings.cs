using System.Diagnostics;
using Pyfleet.Core.Application.Audit;

namespace Pyfleet.Cli.Performance;

/// <summary>
/// Phase times of one command run, printed to stderr when <c>PYFLEET_TIMINGS=1</c> (for the whole-process
/// benchmarks in <c>bench/scanning</c> and <c>bench/audit</c>): wall time since process start, CPU time of the
/// process, GC pauses and JIT work, per phase.
/// </summary>
internal sealed class PhaseTimings : IProgress<AuditPhase>
{
    private readonly TextWriter? _output;
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu;
    private TimeSpan _lastPause;

    public PhaseTimings(CliContext context)
    {
        if (context.GetEnvironment("PYFLEET_TIMINGS") == "1")
        {
            _output = context.Stderr;
            _lastWall = SinceStart();
            _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
            _output.WriteLine($"timing: startup (to command) wall {_lastWall.TotalMilliseconds:0} ms, cpu {_lastCpu.TotalMilliseconds:0} ms");
        }
    }

    /// <summary>Ends a phase named <paramref name="phase"/> (no-op unless enabled).</summary>
    public void Mark(string phase)
    {
        if (_output is null)
        {
            return;
        }

        var wall = SinceStart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        _output.WriteLine($"timing: {phase,-12} wall {(wall - _lastWall).TotalMilliseconds,6:0} ms, cpu {(cpu - _lastCpu).TotalMilliseconds,6:0} ms, " +
            $"gc pause {(pause - _lastPause).TotalMilliseconds,5:0} ms (collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) >> 20} MB, allocated {GC.GetTotalAllocatedBytes() >> 20} MB), " +
            $"jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms");
        (_lastWall, _lastCpu, _lastPause) = (wall, cpu, pause);
    }

    /// <summary>A service's phase (<see cref="AuditPhase.Elapsed"/> null) or side duration.</summary>
    public void Report(AuditPhase value)
    {
        if (value.Elapsed is { } elapsed)
        {
            Report(value.Name, elapsed);
        }
        else
        {
            Mark(value.Name);
        }
    }

    /// <summary>Reports a duration measured apart (work on another thread), without ending a phase.</summary>
    public void Report(string what, TimeSpan elapsed) => _output?.WriteLine($"timing: {what,-12} took {elapsed.TotalMilliseconds,6:0} ms (beside the output)");

    private static TimeSpan SinceStart() => DateTime.Now - Process.GetCurrentProcess().StartTime;
}
