namespace Pyfleet.Core.Tests.Support.Releases;

/// <summary>A TimeProvider whose "now" tests move by hand; timers (retry delays) run on the system clock.</summary>
public sealed class MutableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
