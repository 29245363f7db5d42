namespace Pyfleet.Core.Fleet.Findings;

/// <summary>
/// One current finding in the fleet: a package instance in a host's latest snapshot that an advisory affects, that
/// is end-of-life, or whose installed release was yanked. Computed by the server's analysis over distinct
/// (name, version) pairs and kept current when snapshots arrive or advisory/EOL data changes.
/// </summary>
/// <remarks>
/// <para><c>Kind</c>: One of <see cref="FindingKinds"/>.</para>
/// <para><c>Severity</c>: critical, high, medium, low or unknown (for EOL and yanked: the configured level).</para>
/// <para><c>FixedVersion</c>: The minimal version that fixes it in the installed series, or null when none is known.</para>
/// </remarks>
public sealed record FleetFinding(
    string Host,
    string Environment,
    string EnvironmentKind,
    IReadOnlyList<string> Labels,
    string Package,
    string Version,
    string? OsPackage,
    string Kind,
    string? AdvisoryId,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string Severity,
    string? FixedVersion,
    DateOnly? EolDate,
    string? SuppressedBecause,
    long Snapshot,
    DateTimeOffset FirstSeen);
