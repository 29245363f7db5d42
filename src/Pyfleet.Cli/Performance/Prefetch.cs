using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Pyfleet.Cli.Performance;

/// <summary>
/// Reads a sequence ahead of its consumer on another thread, about <c>capacity</c> items ahead: a fleet document
/// is parsed on the second core while the advisories are compiled and the environments audited. The consumer sees
/// the same items in the same order, and a failure at the point where it happened. Items cross in batches: one
/// hand-over per item (a wake-up of a sleeping thread each) cost more than the work on small items.
/// </summary>
internal static class Prefetch
{
    private const int MaxBatch = 8;

    /// <summary>Starts reading now.</summary>
    public static IEnumerable<T> Start<T>(IEnumerable<T> source, int capacity)
    {
        var batchSize = Math.Clamp(capacity / 2, 1, MaxBatch);
        var queue = new BlockingCollection<List<T>>(Math.Max(1, capacity / batchSize));
        var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            var batch = new List<T>(batchSize);
            try
            {
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        queue.Add(batch, stop.Token);
                        batch = new List<T>(batchSize);
                    }
                }

                Flush();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped early: nothing more is wanted.
            }
            catch (Exception ex)
            {
                // The items read before the failure first, then the failure.
                failure = ExceptionDispatchInfo.Capture(ex);
                Flush();
            }
            finally
            {
                queue.CompleteAdding();
            }

            void Flush()
            {
                try
                {
                    if (batch.Count > 0)
                    {
                        queue.Add(batch, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The consumer stopped early.
                }
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

    private static IEnumerable<T> Consume<T>(BlockingCollection<List<T>> queue, Task producer, CancellationTokenSource stop, Func<ExceptionDispatchInfo?> failure)
    {
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
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
