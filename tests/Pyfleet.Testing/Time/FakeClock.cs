using System.Collections.Concurrent;

namespace Pyfleet.Testing.Time;

/// <summary>
/// A clock for tests: "now" is fixed until <see cref="Advance"/> moves it, and every one-shot timer (a backoff,
/// a <c>Retry-After</c> wait, <c>Task.Delay(…, clock)</c>) fires at once while its due time is recorded in
/// <see cref="Waits"/> — so a test asserts that the code chose to wait 30 s without waiting 30 s. Periodic timers
/// are refused: firing them at once would spin.
/// </summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private long _ticks = now.UtcTicks;

    /// <summary>A clock at 2026-08-22 12:00 UTC, the date the fixtures were recorded.</summary>
    public FakeClock()
        : this(new DateTimeOffset(2026, 8, 22, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every one-shot timer's due time, in the order they were started.</summary>
    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    /// <summary>The sum of <see cref="Waits"/>: how long the code would have waited on a real clock.</summary>
    public TimeSpan Waited => _waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves "now" by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("FakeClock fires one-shot timers only");
        }

        return new InstantTimer(this, callback, state, dueTime);
    }

    private sealed class InstantTimer : ITimer
    {
        private readonly FakeClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _fired;

        public InstantTimer(FakeClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            _clock._waits.Enqueue(dueTime);
            if (Interlocked.Exchange(ref _fired, 1) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(_ => _callback(_state), null);
            }

            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _fired, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
