namespace Pyfleet.Core.Policy;

/// <summary>
/// Where the no-deps completeness rule (PF005) reads a pinned distribution's dependencies from: the installed
/// environment's <c>METADATA</c> or a package index's metadata.
/// </summary>
public interface IDependencyMetadataSource
{
    /// <summary>A short label for messages, e.g. <c>the index https://pypi.org/simple/</c>.</summary>
    string Description { get; }

    /// <summary>
    /// The <c>Requires-Dist</c> strings of <paramref name="name"/>==<paramref name="version"/> (empty when it has
    /// none), or null when they are unknown (not found, network error, not cached while offline). Unknown must never
    /// be read as "no dependencies".
    /// </summary>
    Task<IReadOnlyList<string>?> GetRequiresDistAsync(string name, string version, CancellationToken cancellationToken);
}
