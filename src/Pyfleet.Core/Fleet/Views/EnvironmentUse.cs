namespace Pyfleet.Core.Fleet.Views;

/// <summary>One distinct environment content in latest snapshots and how many hosts have it.</summary>
/// <remarks>
/// <para><c>Python</c>: The interpreter version when the scan knew it.</para>
/// <para><c>FirstHost</c>: The first host (by name) that has it: a link to follow.</para>
/// </remarks>
public sealed record EnvironmentUse(
    string Path,
    string Kind,
    IReadOnlyList<string> Labels,
    string? Python,
    int PackageCount,
    int Hosts,
    string FirstHost);
