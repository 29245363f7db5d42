namespace Pyfleet.Core.Fleet.Findings;

/// <summary>
/// Which current findings to list (every filter optional, all combined with AND), in which order and which page.
/// The same filter drives <c>GET /api/v1/findings</c>, the dashboard's <c>/findings</c> and its CSV/JSON links.
/// </summary>
/// <remarks>
/// <para><c>Severity</c>: Minimum severity: critical, high, medium, low, unknown.</para>
/// <para><c>Advisory</c>: An advisory id or any alias (PYSEC, GHSA, CVE).</para>
/// <para><c>Sort</c>: severity, package, host, environment, advisory or first-seen.</para>
/// <para><c>AsOf</c>: The instant suppressions expire against (null: now).</para>
/// </remarks>
public sealed record FindingsFilter(
    string? Severity = null,
    string? Package = null,
    string? Host = null,
    string? Label = null,
    string? EnvironmentKind = null,
    string? Advisory = null,
    string? Kind = null,
    bool? FixAvailable = null,
    bool IncludeSuppressed = false,
    string Sort = "severity",
    bool Descending = true,
    int Offset = 0,
    int Limit = 100,
    DateTimeOffset? AsOf = null);
