namespace Pyfleet.Core.Manifests;

/// <summary>Tells the scanner which files are manifests (by name only, no I/O).</summary>
public static class ManifestDiscovery
{
    /// <summary>True when some <see cref="IManifestReader"/> reads <paramref name="path"/>.</summary>
    public static bool IsManifest(string path) => ManifestReaders.Find(path) is not null;
}
