using System.Runtime;

namespace Pyfleet.Cli.Performance;

/// <summary>
/// Runs a batch command without garbage collections when what it will allocate fits a budget sized from its
/// input. A one-shot audit keeps most of what it allocates (the advisory index, the verdict caches) until it
/// exits, and the rest is freed by the exit itself: on a 2,000-environment fleet document, collections (which
/// stop the reader, auditor and writer threads alike) cost a fifth of the run for nothing. An input too large
/// for the budget runs with collections as usual from the start: a region that runs out ends in one collection
/// of everything allocated so far, slower and larger than collecting all along (measured: 20,000 environments,
/// 739 MB and 2.6 s against 360 MB and 2.2 s). Process-wide, so only for a command that owns the process (never in
/// hosted tests or the server); a machine that cannot grant the budget runs as before.
/// </summary>
internal sealed class NoGcRegion : IDisposable
{
    // Start-up and the advisory index, plus what an audit allocates per byte of inventory document (measured:
    // 124 MB in all for a 14 MB document, bench/RESULTS.md), with room to spare; never more than 512 MB nor a
    // quarter of the memory the process may use.
    private const long BaseBytes = 64L << 20;
    private const long BytesPerInputByte = 10;
    private const long MaxBytes = 512L << 20;

    private NoGcRegion()
    {
    }

    /// <summary>
    /// The budget for inputs of <paramref name="inputBytes"/> bytes, or null when that is more than 512 MB or a
    /// quarter of <paramref name="availableBytes"/> (collect as usual then).
    /// </summary>
    public static long? BudgetFor(long inputBytes, long availableBytes)
    {
        var budget = BaseBytes + (BytesPerInputByte * Math.Max(0, inputBytes));
        return budget <= Math.Min(MaxBytes, availableBytes / 4) ? budget : null;
    }

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

        if (BudgetFor(inputBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is not { } budget)
        {
            return null;
        }

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
