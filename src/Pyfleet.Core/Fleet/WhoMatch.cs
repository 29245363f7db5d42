namespace Pyfleet.Core.Fleet;

/// <summary>One package instance that answers a <c>who</c> question, in a host's latest snapshot.</summary>
public sealed record WhoMatch(
    string Host,
    string Environment,
    string Kind,
    IReadOnlyList<string> Labels,
    string Package,
    string Version,
    string? OsPackage,
    long Snapshot,
    DateTimeOffset ScannedAt);
