using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Advisories;

/// <summary>
/// How a dpkg-owned module is known to OSV (FORMATS.md §6.5): under the <c>Debian:N</c> ecosystem of the host's
/// release, by its <b>source</b> package and version (python-urllib3, not python3-urllib3). The audit judges it
/// so, and the OSV API is asked about it so.
/// </summary>
public static class DebianPackages
{
    /// <summary><c>Debian:12</c> for a Debian 12 host; null for any other host.</summary>
    public static string? EcosystemOf(HostInfo host) =>
        host.Os is { Id: "debian", VersionId: { Length: > 0 } release } ? $"Debian:{release}" : null;

    /// <summary>The source package and its version (the binary package's own when the source is not recorded).</summary>
    public static (string Name, string Version) SourceOf(OsPackageInfo package) =>
        (package.Source ?? package.Name, package.SourceVersion ?? package.Version);
}
