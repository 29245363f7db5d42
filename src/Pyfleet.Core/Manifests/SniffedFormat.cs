namespace Pyfleet.Core.Manifests;

/// <summary>What <see cref="ManifestSniffer"/> found a file to be.</summary>
/// <param name="Format">Short name of the structure seen: an <see cref="Inventory.EnvironmentKinds"/> value for manifests, else one of the constants below.</param>
/// <param name="Kind">The <see cref="Inventory.EnvironmentKinds"/> value of the manifest reader to use; null when no manifest reader reads it.</param>
/// <param name="Problem">Why it cannot be checked as a manifest (shown to the user), when <paramref name="Kind"/> is null.</param>
public sealed record SniffedFormat(string Format, string? Kind, string? Problem)
{
    /// <summary>A CycloneDX JSON SBOM (<c>"bomFormat": "CycloneDX"</c>).</summary>
    public const string CycloneDx = "cyclonedx";

    /// <summary>An SPDX JSON SBOM (<c>"spdxVersion"</c>).</summary>
    public const string Spdx = "spdx";

    /// <summary>A Pyfleet inventory document (<c>scan --format json</c>: <c>schemaVersion</c> and <c>environments</c>).</summary>
    public const string Inventory = "inventory";

    /// <summary>Something no reader knows (JSON, TOML or INI of another tool, binary data).</summary>
    public const string Unknown = "unknown";

    /// <summary>True when a manifest reader reads this file.</summary>
    public bool IsManifest => Kind is not null;
}
