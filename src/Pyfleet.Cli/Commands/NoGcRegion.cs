using System.Runtime;

namespace Pyfleet.Cli.Commands;

/// <summary>
/// Runs a batch command without garbage collections while it allocates less than a budget sized from its input.
/// A one-shot audit keeps most of what it allocates (the advisory index, the verdict caches) until it exits,
/// and the rest is freed by the exit itself: on a fleet document, collections (which stop the reader, auditor
/// and writer threads alike) cost a fifth of the run for nothing. Past the budget the runtime collects as usual,
/// so a larger input costs memory only up to the budget. Process-wide, so only for a command that owns the
/// process (never in hosted tests or the server); a machine that cannot grant the budget runs as before.
/// </summary>
internal sealed class NoGcRegion : IDisposable
{
    // What an audit allocates per byte of inventory document read (measured: 172 MB for a 14 MB document, with
    // the index), plus the index and start-up; never more than a quarter of the memory the process may use.
    private const long BaseBytes = 96L << 20;
    private const long BytesPerInputByte = 16;
    private const long MaxBytes = 1L << 30;

    private NoGcRegion()
    {
    }

    /// <summary>The budget for inputs of <paramref name="inputBytes"/> bytes, within <paramref name="availableBytes"/>.</summary>
    public static long BudgetFor(long inputBytes, long availableBytes) =>
        Math.Min(Math.Min(MaxBytes, availableBytes / 4), BaseBytes + (BytesPerInputByte * Math.Max(0, inputBytes)));

    /// <summary>
    /// Starts a region for inputs of <paramref name="inputBytes"/> bytes when <paramref name="context"/> owns the
    /// process; null (run as usual) otherwise, or when the runtime declines.
    /// </summary>
    public static NoGcRegion? TryEnter(CliContext context, long inputBytes)
    {
        if (!context.OwnsProcess || GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return null;
        }

        var budget = BudgetFor(inputBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        try
        {
            return GC.TryStartNoGCRegion(budget) ? new NoGcRegion() : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // larger than this runtime's ephemeral space: collect as usual
        }
    }

    /// <summary>Sums the sizes of the files among <paramref name="paths"/> (folders count as nothing).</summary>
    public static long InputBytes(IEnumerable<string> paths, string currentDirectory)
    {
        long total = 0;
        foreach (var path in paths)
        {
            var info = new FileInfo(Path.Combine(currentDirectory, path));
            total += info.Exists ? info.Length : 0;
        }

        return total;
    }

    public void Dispose()
    {
        // The runtime leaves the region by itself once the budget is spent.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
