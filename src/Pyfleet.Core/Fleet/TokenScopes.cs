namespace Pyfleet.Core.Fleet;

/// <summary>
/// What a fleet token may do. <c>enroll</c> trades itself for a host-bound <c>ingest</c> token; <c>ingest</c> pushes
/// snapshots (for its own host when bound); <c>read</c> queries; <c>admin</c> does all of these; <c>feed</c> reads the
/// findings feed only.
/// </summary>
public static class TokenScopes
{
    public const string Enroll = "enroll";
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Admin = "admin";
    public const string Feed = "feed";

    /// <summary>Every scope, in the order the CLI lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Enroll, Ingest, Read, Admin, Feed];

    public static bool IsKnown(string? scope) => scope is not null && All.Contains(scope, StringComparer.Ordinal);

    /// <summary>True when a token of <paramref name="granted"/> scope may do what <paramref name="required"/> allows (admin may do everything).</summary>
    public static bool Allows(string granted, string required) =>
        string.Equals(granted, required, StringComparison.Ordinal) || string.Equals(granted, Admin, StringComparison.Ordinal);
}
