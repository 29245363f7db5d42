using Pyfleet.Core.Errors;
using Pyfleet.Core.Manifests.Buildout;
using Pyfleet.Core.Manifests.PdmLock;
using Pyfleet.Core.Manifests.PipfileLock;
using Pyfleet.Core.Manifests.PoetryLock;
using Pyfleet.Core.Manifests.PyLock;
using Pyfleet.Core.Manifests.Pyproject;
using Pyfleet.Core.Manifests.Requirements;
using Pyfleet.Core.Manifests.SetupCfg;
using Pyfleet.Core.Manifests.UvLock;

namespace Pyfleet.Core.Manifests;

/// <summary>
/// Every manifest reader, and the one entry point the scanner uses: <see cref="Read(string, ManifestReadOptions?, CancellationToken)"/>
/// picks the reader by file name.
/// </summary>
public static class ManifestReaders
{
    /// <summary>All readers, most specific file names first (the requirements reader matches loosest, so it is last).</summary>
    public static IReadOnlyList<IManifestReader> All { get; } =
    [
        new PoetryLockReader(),
        new PipfileLockReader(),
        new UvLockReader(),
        new PyLockReader(),
        new PdmLockReader(),
        new PyprojectReader(),
        new SetupCfgReader(),
        new BuildoutReader(),
        new RequirementsFileReader(),
    ];

    /// <summary>The reader for <paramref name="path"/>, or null when it is not a known manifest.</summary>
    public static IManifestReader? Find(string path)
    {
        foreach (var reader in All)
        {
            if (reader.CanRead(path))
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads <paramref name="path"/> with the reader its name selects, else the one its content looks like
    /// (text that is no lock format is read as pip requirements); throws <see cref="PyfleetException"/> when the
    /// file is missing, binary or unreadable.
    /// </summary>
    public static ManifestReadResult Read(string path, ManifestReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (path.Contains('\0'))
        {
            throw new PyfleetException("the path contains a NUL byte", path.Replace('\0', '?'));
        }

        if (!File.Exists(path))
        {
            throw new PyfleetException("no such file", path);
        }

        try
        {
            var reader = Find(path) ?? Internal.ContentSniffer.Sniff(path, All)
                ?? throw new PyfleetException("not a recognised requirements or lock file", path);
            return reader.Read(path, options ?? ManifestReadOptions.Default, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Refused or unreadable (a FIFO, a device, a dangling link, over the size limit): an input error, never a crash.
            throw new PyfleetException(ex is UnauthorizedAccessException ? "permission denied" : ex.Message, ex is IO.InputFileException input ? input.Path : path, null, ex);
        }
    }
}
