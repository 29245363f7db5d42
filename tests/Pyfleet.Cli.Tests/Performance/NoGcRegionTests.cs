using System.Runtime;
using Pyfleet.Cli.Performance;
using Pyfleet.Cli.Tests.Support;

namespace Pyfleet.Cli.Tests.Performance;

[CollectionDefinition(nameof(NoGcRegionTests), DisableParallelization = true)]
public sealed class NoGcRegionCollection;

/// <summary>The audit's no-collection budget: sized from its input, bounded, and only for a command that owns the process.</summary>
[Collection(nameof(NoGcRegionTests))]
public sealed class NoGcRegionTests
{
    private const long GiB = 1L << 30;

    [Fact]
    public void Budget_GrowsWithTheInput()
    {
        var small = NoGcRegion.BudgetFor(0, 64 * GiB);
        var fleet = NoGcRegion.BudgetFor(14_000_000, 64 * GiB);
        Assert.Equal(64L << 20, small);
        Assert.Equal((64L << 20) + (10 * 14_000_000L), fleet);
    }

    [Fact]
    public void Budget_OverAQuarterOfAvailableMemoryOr512MiB_NoRegionAtAll()
    {
        Assert.Null(NoGcRegion.BudgetFor(14_000_000, GiB / 2));
        Assert.Null(NoGcRegion.BudgetFor(140_000_000, 64 * GiB));
        Assert.NotNull(NoGcRegion.BudgetFor(14_000_000, 64 * GiB));
    }

    [Fact]
    public void LargeInput_CommandRunsWithCollections()
    {
        var context = TestContexts.Silent(ownsProcess: true);
        using var region = NoGcRegion.TryEnter(context, 140_000_000);
        Assert.Null(region);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void HostedCommand_LeavesGarbageCollectionAlone()
    {
        var context = TestContexts.Silent();
        using var region = NoGcRegion.TryEnter(context, 1000);
        Assert.Null(region);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void ProcessCommand_RunsWithoutCollectionsUntilDisposed()
    {
        var context = TestContexts.Silent(ownsProcess: true);
        var region = NoGcRegion.TryEnter(context, 1000);
        Assert.NotNull(region);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        region.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void ProcessCommand_BudgetSpent_RegionEndsAndDisposeIsQuiet()
    {
        var context = TestContexts.Silent(ownsProcess: true);
        var region = NoGcRegion.TryEnter(context, 0);
        Assert.NotNull(region);
        GC.Collect(); // what spending the budget does: the runtime collects and leaves the region
        region.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
