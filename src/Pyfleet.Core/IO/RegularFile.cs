using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Pyfleet.Core.IO.Internal;

namespace Pyfleet.Core.IO;

/// <summary>
/// Opens untrusted files safely: only regular files (a FIFO, socket or device named <c>METADATA</c> or
/// <c>requirements.txt</c> is refused before it can block or stream forever), opened non-blocking and then checked
/// on the open descriptor (no window to swap the file), and read with a size bound. Every refusal is an
/// <see cref="IOException"/>: <see cref="FileNotFoundException"/> (also a dangling link),
/// <see cref="UnauthorizedAccessException"/>, or <see cref="InputFileException"/> with a sentence for an operator.
/// </summary>
public static class RegularFile
{
    /// <summary>True when <paramref name="path"/> (links followed) is a regular file; never opens it.</summary>
    public static bool Exists(string path)
    {
        if (path.Contains('\0'))
        {
            return false;
        }

        if (!OperatingSystem.IsLinux())
        {
            return File.Exists(path);
        }

        return Posix.TryStat(path, out var type) && type == Posix.S_IFREG;
    }

    /// <summary>Opens a regular file for reading (see the class summary for what is refused and how).</summary>
    public static SafeFileHandle Open(string path)
    {
        if (path.Contains('\0'))
        {
            throw new InputFileException(path.Replace('\0', '?'), "the path contains a NUL byte; not read");
        }

        if (!OperatingSystem.IsLinux())
        {
            return OpenPortable(path);
        }

        // Refuse by type before opening: even a non-blocking open of some devices has side effects.
        if (Posix.TryStat(path, out var type) && type != Posix.S_IFREG)
        {
            throw NotRegular(path, type);
        }

        var fd = Posix.OpenReadNonBlocking(path);
        if (fd < 0)
        {
            throw OpenError(path, Marshal.GetLastPInvokeError());
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (!Posix.TryFstat(fd, out type, out _) || type != Posix.S_IFREG)
        {
            handle.Dispose();
            throw NotRegular(path, type);
        }

        return handle;
    }

    /// <summary>The whole file; an <see cref="InputFileException"/> naming the limit when it is larger than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string limitName = "limits.max-manifest-bytes")
    {
        using var handle = Open(path);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw TooLarge(path, length, maxBytes, limitName);
        }

        // A file may grow while it is read: read one byte more than the limit to notice.
        var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(length, 4096))];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (filled > maxBytes)
                {
                    throw TooLarge(path, filled, maxBytes, limitName);
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(filled), filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    /// <summary>At most <paramref name="maxBytes"/> from the start of the file (the rest is not read; no error).</summary>
    public static byte[] ReadPrefix(string path, int maxBytes)
    {
        using var handle = Open(path);
        var buffer = new byte[(int)Math.Min(maxBytes, Math.Max(0, RandomAccess.GetLength(handle)))];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(filled), filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }

    /// <summary>A read-only stream over a regular file that fails with an <see cref="InputFileException"/> past <paramref name="maxBytes"/>.</summary>
    public static Stream OpenRead(string path, long maxBytes, string limitName = "limits.max-manifest-bytes", int bufferSize = 64 * 1024)
    {
        var handle = Open(path);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            handle.Dispose();
            throw TooLarge(path, length, maxBytes, limitName);
        }

        return new BoundedStream(new FileStream(handle, FileAccess.Read, bufferSize), path, maxBytes, limitName);
    }

    internal static InputFileException TooLarge(string path, long size, long maxBytes, string limitName) =>
        new(path, $"larger than the input limit ({Size(size)} > {Size(maxBytes)}); not read (raise {limitName} to read it)");

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes} bytes";

    private static InputFileException NotRegular(string path, uint type) =>
        new(path, $"{Posix.Describe(type)}, not a regular file; not read");

    private static IOException OpenError(string path, int errno) => errno switch
    {
        Posix.ENOENT when IsLink(path) => new FileNotFoundException("dangling symbolic link (its target does not exist)", path),
        Posix.ENOENT => new FileNotFoundException("no such file", path),
        Posix.ENOTDIR => new DirectoryNotFoundException("no such file (a parent is not a folder)"),
        Posix.ELOOP => new InputFileException(path, "symbolic link loop (too many levels of links); not read"),
        Posix.ENAMETOOLONG => new InputFileException(path, "the path is too long; not read"),
        Posix.EISDIR => new InputFileException(path, "a folder, not a regular file; not read"),
        Posix.EACCES or Posix.EPERM => new InputFileException(path, "permission denied"),
        _ => new InputFileException(path, $"cannot open (errno {errno})"),
    };

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static SafeFileHandle OpenPortable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputFileException(path, "a folder, not a regular file; not read");
        }

        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }
}
