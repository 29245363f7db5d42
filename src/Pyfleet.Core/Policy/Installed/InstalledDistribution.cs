namespace Pyfleet.Core.Policy.Installed;

/// <summary>One distribution of an installed environment, as far as the lint rules need it.</summary>
/// <param name="Name">PEP 503 normalised name (from METADATA <c>Name</c>).</param>
/// <param name="Version">METADATA <c>Version</c>.</param>
/// <param name="RequiresDist">The <c>Requires-Dist</c> values (PEP 508 strings).</param>
/// <param name="MetadataPath">The METADATA file.</param>
public sealed record InstalledDistribution(string Name, string Version, IReadOnlyList<string> RequiresDist, string MetadataPath);
