namespace Pyfleet.Core.Fleet;

/// <summary>A stored token (never its secret): scope, optional host binding, label, lifetime.</summary>
public sealed record FleetToken
{
    public required long Id { get; init; }
    public required string Scope { get; init; }

    /// <summary>The host this token may write for; null = not bound.</summary>
    public string? Host { get; init; }

    public string? Name { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>SHA-256 of the secret, as stored.</summary>
    public required byte[] Hash { get; init; }

    /// <summary>Usable at <paramref name="now"/>: not revoked, not expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
