using System.Text.RegularExpressions;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Where an interpreter installed at a prefix keeps its site folders, in <c>site.getsitepackages()</c> order,
/// and which version it is, found from files only (never by running it).
/// </summary>
internal static partial class PrefixLayout
{
    /// <summary>
    /// Existing site folders of <paramref name="logicalPrefix"/> for Python <paramref name="minor"/> (<c>3.11</c>).
    /// Debian's patched <c>site.py</c> uses <c>local/lib/pythonX.Y/dist-packages</c>, <c>lib/python3/dist-packages</c>,
    /// <c>lib/pythonX.Y/dist-packages</c>; upstream uses <c>lib/pythonX.Y/site-packages</c> (Fedora adds <c>lib64</c> first).
    /// </summary>
    public static List<string> SiteDirectories(PathMap paths, string logicalPrefix, string minor)
    {
        var prefix = logicalPrefix == "/" ? "" : logicalPrefix;
        var candidates = new List<string>();
        if (Directory.Exists(paths.ToPhysical($"{prefix}/lib/python3/dist-packages")))
        {
            candidates.Add($"{prefix}/local/lib/python{minor}/dist-packages");
            candidates.Add($"{prefix}/lib/python3/dist-packages");
            candidates.Add($"{prefix}/lib/python{minor}/dist-packages");
        }

        candidates.Add($"{prefix}/lib64/python{minor}/site-packages");
        candidates.Add($"{prefix}/lib/python{minor}/site-packages");
        return [.. candidates.Distinct(StringComparer.Ordinal).Where(d => Directory.Exists(paths.ToPhysical(d)))];
    }

    /// <summary><c>X.Y</c> folders under <c>lib/</c> that look like a Python library (<c>lib/python3.11</c>, free-threaded <c>python3.13t</c>).</summary>
    public static List<string> MinorVersions(PathMap paths, string logicalPrefix)
    {
        var found = new List<string>();
        var lib = paths.ToPhysical((logicalPrefix == "/" ? "" : logicalPrefix) + "/lib");
        if (!Directory.Exists(lib))
        {
            return found;
        }

        try
        {
            foreach (var directory in Directory.EnumerateDirectories(lib, "python*"))
            {
                var match = LibFolder().Match(Path.GetFileName(directory));
                if (match.Success)
                {
                    found.Add(match.Groups[1].Value);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return found;
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// The interpreter's full version from <c>include/pythonX.Y/patchlevel.h</c> (<c>PY_VERSION</c>), else the
    /// given fallback (a pyenv folder name, a dpkg version), else <c>X.Y</c>.
    /// </summary>
    public static PythonRuntime Runtime(PathMap paths, string logicalPrefix, string minor, string? fallback = null)
    {
        var header = paths.ToPhysical($"{(logicalPrefix == "/" ? "" : logicalPrefix)}/include/python{minor}/patchlevel.h");
        try
        {
            var text = SmallFiles.ReadText(header);
            var match = text is null ? null : PatchLevel().Match(text);
            if (match is { Success: true })
            {
                return new PythonRuntime(match.Groups[1].Value);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // fall through to the weaker sources
        }

        return new PythonRuntime(fallback is not null && fallback.StartsWith(minor + ".", StringComparison.Ordinal) ? fallback : minor);
    }

    [GeneratedRegex(@"^python(\d+\.\d+)t?$")]
    private static partial Regex LibFolder();

    [GeneratedRegex("#define\\s+PY_VERSION\\s+\"([0-9][^\"]*?)\\+?\"")]
    private static partial Regex PatchLevel();
}
