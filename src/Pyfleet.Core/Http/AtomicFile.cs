namespace Pyfleet.Core.Http;

/// <summary>
/// Download-to-temp-then-swap: the temp file is created beside the destination (same file system), so the final
/// rename is atomic and a reader sees either the old file or the new one, never a half-written one.
/// </summary>
public static class AtomicFile
{
    /// <summary>A fresh temp path in the destination's folder (the folder is created when missing).</summary>
    public static string CreateTempPathBeside(string destination)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(destination))!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Atomically replaces <paramref name="destination"/> with <paramref name="tempPath"/>.</summary>
    public static void Replace(string tempPath, string destination) => File.Move(tempPath, destination, overwrite: true);

    /// <summary>Deletes a temp file, ignoring a missing one.</summary>
    public static void TryDelete(string? tempPath)
    {
        if (tempPath is null)
        {
            return;
        }

        try
        {
            File.Delete(tempPath);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is named .*.tmp and harmless.
        }
    }
}
