using Pyfleet.Packaging.Markers;

namespace Pyfleet.Core.Auditing;

/// <summary>What an audit run is asked to judge against.</summary>
public sealed record AuditOptions
{
    /// <summary>The day the audit pretends to run (<c>--as-of</c>): suppressions expire against it.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Target interpreter for marker evaluation (<c>--python/--platform</c>); null = each environment's own, if known.</summary>
    public MarkerEnvironment? Target { get; init; }

    /// <summary>Platform used with an environment's own Python when no explicit target is given.</summary>
    public string Platform { get; init; } = "linux";

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
}
