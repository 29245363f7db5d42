namespace Pyfleet.Core.Auditing;

/// <summary>
/// An accepted finding from <c>.pyfleet.toml</c>: an advisory id (any id of its alias group matches), optionally
/// scoped to a package and/or an environment (path or label), with a reason and an expiry date after which the
/// finding is reported again.
/// </summary>
public sealed record Suppression(string Id, string Reason, string? Package = null, string? Environment = null, DateOnly? Expires = null, string? Origin = null)
{
    /// <summary>True while the suppression applies on <paramref name="today"/> (the expiry day itself still counts).</summary>
    public bool IsActive(DateOnly today) => Expires is null || today <= Expires.Value;
}
