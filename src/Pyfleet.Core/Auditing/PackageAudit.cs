namespace Pyfleet.Core.Auditing;

/// <summary>A package with findings (open or suppressed).</summary>
public sealed record PackageAudit
{
    public required string Name { get; init; }
    public required string Version { get; init; }
    public string? Location { get; init; }

    /// <summary><c>file:line</c> where a declared package was required (null for installed ones).</summary>
    public string? Origin { get; init; }

    /// <summary>The ecosystem that judged it (<c>PyPI</c>, <c>Debian:12</c>); the OS package name when Debian judged it.</summary>
    public required string Source { get; init; }

    public string? OsPackage { get; init; }
    public IReadOnlyList<VulnerabilityFinding> Vulnerabilities { get; init; } = [];
    public IReadOnlyList<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>The smallest version clearing every advisory of the package; null when none is named.</summary>
    public string? MinimalFix { get; init; }
}
