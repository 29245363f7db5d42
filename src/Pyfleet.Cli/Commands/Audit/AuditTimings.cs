using System.Diagnostics;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Phase times of one <c>audit</c> run, printed to stderr when <c>PYFLEET_TIMINGS=1</c> (for the whole-process
/// benchmark in <c>bench/audit</c>): wall time since process start and CPU time of the process, per phase.
/// </summary>
internal sealed class AuditTimings
{
    private readonly TextWriter? _output;
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu;
    private TimeSpan _lastPause;

    public AuditTimings(CliContext context)
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
            $"gc pause {(pause - _lastPause).TotalMilliseconds,5:0} ms (collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) >> 20} MB), " +
            $"jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms");
        (_lastWall, _lastCpu, _lastPause) = (wall, cpu, pause);
    }

    private static TimeSpan SinceStart() => DateTime.Now - Process.GetCurrentProcess().StartTime;
}
