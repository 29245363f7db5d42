namespace Pyfleet.Core.Releases.Analysis;

/// <summary>Used when no advisory data is loaded: nothing is known to affect anything, so no upgrade is classed <c>security</c>.</summary>
public sealed class NoSecurityFixSource : ISecurityFixSource
{
    /// <summary>The shared instance.</summary>
    public static NoSecurityFixSource Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<AffectingAdvisory> For(string ecosystem, string name, string version) => [];
}
