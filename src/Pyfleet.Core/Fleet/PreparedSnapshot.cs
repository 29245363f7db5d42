namespace Pyfleet.Core.Fleet;

/// <summary>
/// An inventory document made ready for the store: the SHA-256 of its canonical JSON (the snapshot's identity),
/// the gzip of its header and each environment content-addressed with the (name, version) pairs it installs.
/// </summary>
public sealed record PreparedSnapshot(
    string Host,
    string? Os,
    DateTimeOffset ScannedAt,
    byte[] Sha256,
    byte[] Header,
    IReadOnlyList<PreparedEnvironment> Environments)
{
    public int PackageCount => Environments.Sum(e => e.Packages.Count);
}

/// <summary>
/// One environment, stored once under the SHA-256 of its canonical JSON however many hosts have it; its
/// interpreter's version (when the scan knew it) is indexed as <see cref="Analysis.InterpreterPair"/> for EOL.
/// </summary>
public sealed record PreparedEnvironment(
    byte[] Sha256,
    string Path,
    string Kind,
    IReadOnlyList<string> Labels,
    byte[] Content,
    IReadOnlyList<PreparedPackage> Packages,
    string? Python = null)
{
    /// <summary>The (name, version) pairs the analysis judges: the packages, then the interpreter.</summary>
    public IEnumerable<(string Name, string Version)> Pairs()
    {
        foreach (var package in Packages)
        {
            yield return (package.Name, package.Version);
        }

        if (Python is { Length: > 0 } python)
        {
            yield return (Analysis.InterpreterPair.Name, python);
        }
    }
}

/// <summary>A (name, version) the environment has, with the OS package that owns it (dpkg), when any.</summary>
public sealed record PreparedPackage(string Name, string Version, string? OsPackage);
