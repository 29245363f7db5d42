namespace Pyfleet.Core.Scanning.Internal;

/// <summary>Resolves every symbolic link in a path (like <c>realpath(3)</c>) without following more than 40 links.</summary>
internal static class RealPath
{
    public static string? Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var changed = false;
            var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var current = "/";
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                FileSystemInfo info = new FileInfo(next);
                if (info.LinkTarget is { } target)
                {
                    var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target));
                    full = Path.Combine([resolved, .. parts[(i + 1)..]]);
                    changed = true;
                    break;
                }

                current = next;
            }

            if (!changed)
            {
                return current;
            }
        }

        return null; // too many links: a loop
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || (path.StartsWith(folder, StringComparison.Ordinal) && (folder.EndsWith('/') || (path.Length > folder.Length && path[folder.Length] == '/')));
}
