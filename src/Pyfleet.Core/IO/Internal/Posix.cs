using System.Runtime.InteropServices;

namespace Pyfleet.Core.IO.Internal;

/// <summary>
/// The few libc calls .NET does not expose: open with <c>O_NONBLOCK</c> (an open of a FIFO otherwise waits for a
/// writer forever) and <c>statx</c> for the file type (whose buffer layout, unlike <c>struct stat</c>, is the same
/// on every Linux architecture).
/// </summary>
internal static partial class Posix
{
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int ELOOP = 40;
    public const int ENAMETOOLONG = 36;
    public const int EPERM = 1;

    public const uint S_IFMT = 0xF000;
    public const uint S_IFREG = 0x8000;
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFIFO = 0x1000;
    public const uint S_IFSOCK = 0xC000;
    public const uint S_IFCHR = 0x2000;
    public const uint S_IFBLK = 0x6000;
    public const uint S_IFLNK = 0xA000;

    private const int O_RDONLY = 0;
    private const int O_NOCTTY = 0x100;
    private const int O_NONBLOCK = 0x800;
    private const int O_CLOEXEC = 0x80000;
    private const int AT_FDCWD = -100;
    private const int AT_EMPTY_PATH = 0x1000;
    private const uint STATX_TYPE = 0x1;
    private const uint STATX_SIZE = 0x200;
    private const int StatxModeOffset = 0x1C;
    private const int StatxSizeOffset = 0x28;

    /// <summary>Opens read-only and non-blocking; returns the descriptor or -1 (errno in <see cref="Marshal.GetLastPInvokeError"/>).</summary>
    public static int OpenReadNonBlocking(string path) => Open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

    /// <summary>Type bits and size of an open descriptor; false (errno set) on failure.</summary>
    public static unsafe bool TryFstat(int fd, out uint type, out long size)
    {
        var buffer = stackalloc byte[256];
        if (Statx(fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_SIZE, buffer) != 0)
        {
            type = 0;
            size = 0;
            return false;
        }

        type = *(ushort*)(buffer + StatxModeOffset) & S_IFMT;
        size = *(long*)(buffer + StatxSizeOffset);
        return true;
    }

    /// <summary>Type bits of a path (following links) without opening it; false (errno set) on failure.</summary>
    public static unsafe bool TryStat(string path, out uint type)
    {
        var buffer = stackalloc byte[256];
        if (Statx(AT_FDCWD, path, 0, STATX_TYPE, buffer) != 0)
        {
            type = 0;
            return false;
        }

        type = *(ushort*)(buffer + StatxModeOffset) & S_IFMT;
        return true;
    }

    public static string Describe(uint type) => type switch
    {
        S_IFDIR => "a folder",
        S_IFIFO => "a FIFO (named pipe)",
        S_IFSOCK => "a socket",
        S_IFCHR => "a character device",
        S_IFBLK => "a block device",
        S_IFLNK => "a symbolic link",
        _ => "not a regular file",
    };

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
