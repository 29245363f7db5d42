namespace Pyfleet.Core.IO;

/// <summary>
/// A file that was refused before or while reading it: not a regular file (FIFO, socket, device, folder), larger
/// than its <see cref="InputLimits"/> bound, a path with a NUL byte, a link loop. An <see cref="IOException"/>, so
/// every reader that already turns I/O failures into warnings or input errors handles it the same way.
/// </summary>
public sealed class InputFileException(string path, string message) : IOException(message)
{
    /// <summary>The file refused.</summary>
    public string Path { get; } = path;
}
