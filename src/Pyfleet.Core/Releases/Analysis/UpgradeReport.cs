namespace Pyfleet.Core.Releases.Analysis;

/// <summary>The upgrade picture of one installed or pinned package.</summary>
public sealed record UpgradeReport
{
    public required string Name { get; init; }
    public string? Version { get; init; }
    public string? Latest { get; init; }
    public string? LatestInMinor { get; init; }
    public string? LatestInMajor { get; init; }
    public UpgradeKind Kind { get; init; } = UpgradeKind.Unknown;

    /// <summary>The minimal security fix when there is one, else the latest patch in the series; null when nothing to do.</summary>
    public string? Recommended { get; init; }

    /// <summary>The smallest usable release that none of the installed version's advisories affect.</summary>
    public string? SecurityFix { get; init; }

    /// <summary>Advisories affecting the installed version.</summary>
    public IReadOnlyList<AffectingAdvisory> Advisories { get; init; } = [];

    /// <summary>The installed version is yanked (PEP 592).</summary>
    public bool Yanked { get; init; }
    public string? YankedReason { get; init; }

    /// <summary>The newest release that is newer than <see cref="Latest"/> but whose Requires-Python excludes the environment's Python.</summary>
    public BlockedRelease? BlockedByPython { get; init; }

    public ProjectStatus Status { get; init; } = ProjectStatus.Active;

    /// <summary>Newest upload time of any release, when the index gives upload times.</summary>
    public DateTimeOffset? LastRelease { get; init; }

    /// <summary>No release for longer than the staleness threshold as of the analysis date.</summary>
    public bool Stale { get; init; }

    /// <summary>Why the kind is <see cref="UpgradeKind.Unknown"/>, when it is.</summary>
    public string? Note { get; init; }
}

/// <summary>A release held back by its Requires-Python.</summary>
public sealed record BlockedRelease(string Version, string RequiresPython, string Python);
