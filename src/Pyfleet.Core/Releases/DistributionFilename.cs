using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Releases;

/// <summary>
/// Versions from distribution file names. Wheels: <c>{name}-{version}(-{build})?-{py}-{abi}-{plat}.whl</c>
/// (https://packaging.python.org/en/latest/specifications/binary-distribution-format/); sdists and legacy
/// archives: <c>{name}-{version}.tar.gz</c>, where the name may itself contain dashes, so the prefix is matched
/// against the normalised project name as pip's <c>LinkEvaluator</c> does.
/// </summary>
public static class DistributionFilename
{
    private static readonly string[] _archiveSuffixes = [".tar.gz", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".zip", ".tar", ".egg"];

    /// <summary>The version part of <paramref name="filename"/> for project <paramref name="normalizedName"/>, or null.</summary>
    public static string? VersionOf(string filename, string normalizedName)
    {
        if (filename.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var parts = filename[..^4].Split('-');
            return parts.Length is 5 or 6 && PackageName.Normalize(parts[0]) == normalizedName ? parts[1] : null;
        }

        var suffix = _archiveSuffixes.FirstOrDefault(s => filename.EndsWith(s, StringComparison.OrdinalIgnoreCase));
        if (suffix is null)
        {
            return null;
        }

        var stem = filename[..^suffix.Length];
        if (suffix == ".egg")
        {
            // name-version-pyX.Y.egg
            var eggParts = stem.Split('-');
            return eggParts.Length >= 2 && PackageName.Normalize(eggParts[0]) == normalizedName ? eggParts[1] : null;
        }

        for (var i = stem.IndexOf('-'); i > 0; i = stem.IndexOf('-', i + 1))
        {
            if (PackageName.Normalize(stem[..i]) == normalizedName)
            {
                var version = stem[(i + 1)..];
                return version.Length > 0 ? version : null;
            }
        }

        return null;
    }
}
