namespace Pyfleet.Core.Configuration;

/// <summary><c>[serve]</c>: the fleet server.</summary>
public sealed record ServeOptions
{
    /// <summary><c>serve.urls</c>: where the server listens.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary><c>serve.sync-interval-minutes</c>: how often advisories are synced.</summary>
    public int SyncIntervalMinutes { get; init; } = 360;
}
