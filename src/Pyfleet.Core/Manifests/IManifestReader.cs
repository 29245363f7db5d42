namespace Pyfleet.Core.Manifests;

/// <summary>
/// Reads one declared-dependency format (pip requirements, a lock file, pyproject.toml, …) into a declared
/// <see cref="Inventory.PythonEnvironment"/>. Readers never execute anything from what they read.
/// </summary>
public interface IManifestReader
{
    /// <summary>Stable reader name, e.g. <c>python/requirements</c>.</summary>
    string Name { get; }

    /// <summary>The <see cref="Inventory.EnvironmentKinds"/> value of what this reader returns.</summary>
    string Kind { get; }

    /// <summary>Cheap check on the file name only (no I/O).</summary>
    bool CanRead(string path);

    /// <summary>Reads the file. Bad lines become diagnostics; an unreadable file is a <see cref="Errors.PyfleetException"/>.</summary>
    ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default);
}
