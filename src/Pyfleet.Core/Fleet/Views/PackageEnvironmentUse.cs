namespace Pyfleet.Core.Fleet.Views;

/// <summary>One distinct environment holding a package version, and the hosts that have it in their latest snapshot.</summary>
/// <remarks>
/// <para><c>FirstHost</c>: The first host (by name) that has it.</para>
/// </remarks>
public sealed record PackageEnvironmentUse(
    string Path,
    string Kind,
    IReadOnlyList<string> Labels,
    string Version,
    int Hosts,
    string FirstHost);
