using Pyfleet.Cli.Performance;

namespace Pyfleet.Cli.Tests.Performance;

public sealed class PrefetchTests
{
    [Fact]
    public void Start_YieldsEveryItemInOrder()
    {
        Assert.Equal(Enumerable.Range(0, 10_000), Prefetch.Start(Enumerable.Range(0, 10_000), capacity: 16));
    }

    [Fact]
    public void Start_SourceFailsPartWay_ItemsBeforeTheFailureThenTheSameException()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new FormatException("bad item 3");
        }

        var seen = new List<int>();
        var ex = Assert.Throws<FormatException>(() =>
        {
            foreach (var item in Prefetch.Start(Failing(), capacity: 4))
            {
                seen.Add(item);
            }
        });

        Assert.Equal([1, 2], seen);
        Assert.Equal("bad item 3", ex.Message);
    }

    [Fact]
    public void Start_ConsumerStopsEarly_ProducerStopsToo()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref produced);
                yield return i;
            }
        }

        Assert.Equal([0, 1, 2], Prefetch.Start(Endless(), capacity: 8).Take(3));
        var stoppedAt = Volatile.Read(ref produced);
        Thread.Sleep(50);

        Assert.Equal(stoppedAt, Volatile.Read(ref produced));
        // Items cross in batches of capacity/2 = 4 and the queue holds capacity/4 = 2 batches: at most the consumer's
        // batch (4) + two queued (8) + one full batch blocked in Add (4) are ever produced, 16 in all.
        Assert.InRange(stoppedAt, 3, 8 + (2 * 4));
    }

    [Fact]
    public void OnFirstUse_DoesNotReadUntilAsked()
    {
        var started = false;
        IEnumerable<int> Source()
        {
            started = true;
            yield return 7;
        }

        var lazy = Prefetch.OnFirstUse(Source(), capacity: 2);
        Thread.Sleep(20);

        Assert.False(started);
        Assert.Equal([7], lazy);
        Assert.True(started);
    }
}
