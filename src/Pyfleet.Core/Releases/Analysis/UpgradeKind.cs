namespace Pyfleet.Core.Releases.Analysis;

/// <summary>What kind of upgrade is available; the JSON names are lowercase (<c>security</c>, <c>major</c>, …).</summary>
public enum UpgradeKind
{
    /// <summary>Already on the latest usable release.</summary>
    None,

    /// <summary>A newer release in the same major.minor series.</summary>
    Patch,

    /// <summary>A newer minor release in the same major series.</summary>
    Minor,

    /// <summary>A newer major release (or epoch).</summary>
    Major,

    /// <summary>A newer release fixes an advisory that affects the installed version.</summary>
    Security,

    /// <summary>Cannot tell: no version, an unparsable version, or the project is unknown to every index.</summary>
    Unknown,
}
