namespace Pyfleet.Core.Releases.Fixing;

/// <summary>Which upgrades <c>pyfleet fix</c> applies.</summary>
public enum FixMode
{
    /// <summary>The recommended target: the minimal security fix, else the latest patch.</summary>
    Recommended,

    /// <summary>Only packages with a security fix, to the minimal fixing version.</summary>
    SecurityOnly,

    /// <summary>Latest in the same minor series (or the security fix when that is higher).</summary>
    Patch,

    /// <summary>Latest in the same major series (or the security fix when that is higher).</summary>
    Minor,
}
