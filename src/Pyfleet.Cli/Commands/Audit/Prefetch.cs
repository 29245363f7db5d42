using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Pyfleet.Cli.Commands.Audit;

/// <summary>
/// Reads a sequence ahead of its consumer on another thread, at most <c>capacity</c> items ahead: a fleet document
/// is parsed on the second core while the advisories are compiled and the environments audited. The consumer sees
/// the same items in the same order, and a failure at the point where it happened.
/// </summary>
internal static class Prefetch
{
    /// <summary>Starts reading now.</summary>
    public static IEnumerable<T> Start<T>(IEnumerable<T> source, int capacity)
    {
        var queue = new BlockingCollection<T>(capacity);
        var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    queue.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early: nothing more is wanted.
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Consume(queue, producer, stop, () => failure);
    }

    /// <summary>Starts reading when the consumer first asks for an item.</summary>
    public static IEnumerable<T> OnFirstUse<T>(IEnumerable<T> source, int capacity)
    {
        foreach (var item in Start(source, capacity))
        {
            yield return item;
        }
    }

    private static IEnumerable<T> Consume<T>(BlockingCollection<T> queue, Task producer, CancellationTokenSource stop, Func<ExceptionDispatchInfo?> failure)
    {
        try
        {
            foreach (var item in queue.GetConsumingEnumerable())
            {
                yield return item;
            }

            producer.Wait();
            failure()?.Throw();
        }
        finally
        {
            // Stopped early or done: the producer stops at its next item, and is gone before the source's
            // backing memory (a mapped file) can be released.
            stop.Cancel();
            producer.Wait();
        }
    }
}
