using Pyfleet.Core.Errors;
using Pyfleet.Core.Inventory;
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
    /// Reads <paramref name="path"/> with the reader <see cref="Select"/> picks. Every error-severity diagnostic
    /// (a line pip refuses, a missing include, a corrupt entry) is also an <see cref="InputError"/> on the returned
    /// environment, so the input is reported as not completely checked. Throws <see cref="PyfleetException"/> when
    /// the file is missing, of no known format (an SBOM, binary data, another tool's TOML) or cannot be parsed at all.
    /// </summary>
    public static ManifestReadResult Read(string path, ManifestReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (path.Contains('\0'))
        {
            throw new PyfleetException("the path contains a NUL byte", path.Replace('\0', '?'));
        }

        ManifestReadResult result;
        try
        {
            var reader = Select(path);
            result = reader.Read(path, options ?? ManifestReadOptions.Default, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Refused or unreadable (a FIFO, a device, a dangling link, over the size limit): an input error, never a crash.
            throw new PyfleetException(ex is UnauthorizedAccessException ? "permission denied" : ex.Message, ex is IO.InputFileException input ? input.Path : path, null, ex);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == ManifestSeverity.Error).Select(d => new InputError(d.Path, d.Line, d.Message)).ToList();
        return errors.Count == 0 ? result : result with { Environment = result.Environment with { Errors = [.. result.Environment.Errors, .. errors] } };
    }

    /// <summary>
    /// The reader for <paramref name="path"/>: a lock or project file's own name (<c>poetry.lock</c>, <c>uv.lock</c>, …)
    /// decides; any other file, including one whose name only suggests requirements or buildout, is chosen by its
    /// structure (<see cref="ManifestSniffer"/>). Throws <see cref="PyfleetException"/> (path, "not checked: …") when
    /// no reader reads it.
    /// </summary>
    public static IManifestReader Select(string path)
    {
        if (!File.Exists(path))
        {
            throw new PyfleetException(new FileInfo(path).LinkTarget is not null ? "dangling symbolic link (its target does not exist)" : "no such file", path);
        }

        var byName = Find(path);
        if (byName is not null and not RequirementsFileReader and not BuildoutReader)
        {
            return byName;
        }

        SniffedFormat sniffed;
        try
        {
            sniffed = ManifestSniffer.Sniff(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PyfleetException($"cannot read: {ex.Message}", path);
        }

        return ManifestSniffer.ReaderFor(sniffed, All) ?? throw new PyfleetException(sniffed.Problem ?? "not checked: unknown format", path);
    }
}
