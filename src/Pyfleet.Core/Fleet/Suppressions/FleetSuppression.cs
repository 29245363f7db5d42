namespace Pyfleet.Core.Fleet.Suppressions;

/// <summary>
/// A decision to hide findings until <see cref="ExpiresAt"/>: every scope field given must match (null = any); at
/// least one of package, advisory, host and label is given. Suppressed findings stay listed with
/// <c>includeSuppressed=true</c> and carry <see cref="Reason"/> as <c>SuppressedBecause</c>.
/// </summary>
/// <remarks>
/// <para><c>Package</c>: A PEP 503-normalised name (<c>python</c> for interpreters).</para>
/// <para><c>Advisory</c>: An advisory id or any alias (matched case-insensitively), or an EOL key such as <c>eol:django@4.2</c>.</para>
/// </remarks>
public sealed record FleetSuppression(
    long Id,
    string? Package,
    string? Advisory,
    string? Host,
    string? Label,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string? CreatedBy);
