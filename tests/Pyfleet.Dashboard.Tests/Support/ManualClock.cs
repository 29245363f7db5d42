namespace Pyfleet.Dashboard.Tests.Support;

/// <summary>A clock the tests set by hand (the server stamps "received" and "last seen" with it).</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
