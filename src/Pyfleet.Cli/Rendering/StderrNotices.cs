using Pyfleet.Core.Application;

namespace Pyfleet.Cli.Rendering;

/// <summary>A service's notices on stderr, as they happen (synchronously, so they stay in order with the output).</summary>
internal sealed class StderrNotices(TextWriter stderr) : IProgress<RunNotice>
{
    public void Report(RunNotice value)
    {
        lock (stderr)
        {
            stderr.WriteLine(value.Warning ? $"warning: {value.Message}" : value.Message);
        }
    }
}
