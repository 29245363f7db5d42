namespace Pyfleet.Core.Fleet.Events;

/// <summary>One affected package instance in a <see cref="FleetEvent"/>.</summary>
/// <remarks>
/// <para><c>Change</c>: One of <see cref="FleetEventChanges"/>.</para>
/// <para><c>Kind</c>: vulnerability, eol or yanked (see <c>FindingKinds</c>).</para>
/// </remarks>
public sealed record FleetEventItem(
    string Change,
    string Kind,
    string Host,
    string Environment,
    IReadOnlyList<string> Labels,
    string Package,
    string Version,
    string? AdvisoryId,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string Severity,
    string? FixedVersion,
    DateOnly? EolDate);
