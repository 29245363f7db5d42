using Pyfleet.Packaging.Specifiers;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Releases;

/// <summary>One release (version) of a project with its files.</summary>
/// <param name="Version">The version as the file names spell it.</param>
/// <param name="Files">Its files.</param>
/// <param name="Yanked">True when every file is yanked.</param>
/// <param name="YankedReason">The first non-empty yank reason.</param>
/// <param name="UploadTime">Earliest upload time of its files, when known.</param>
public sealed record ReleaseInfo(string Version, IReadOnlyList<ReleaseFile> Files, bool Yanked, string? YankedReason, DateTimeOffset? UploadTime)
{
    /// <summary>The distinct Requires-Python values of its files (an absent value counts as "any Python").</summary>
    public IReadOnlyList<string?> RequiresPython => Files.Select(f => string.IsNullOrWhiteSpace(f.RequiresPython) ? null : f.RequiresPython!.Trim()).Distinct().ToList();

    /// <summary>
    /// True when at least one file may be installed on <paramref name="python"/>: pip filters files one by one
    /// on <c>data-requires-python</c>, so a release is usable when any file allows the interpreter. An
    /// unparsable Requires-Python is ignored, as pip does (it logs and keeps the file).
    /// </summary>
    public bool AllowsPython(Pep440Version? python)
    {
        if (python is null)
        {
            return true;
        }

        foreach (var gate in RequiresPython)
        {
            if (gate is null || !SpecifierSet.TryParse(gate, out var set) || set.Contains(python, prereleases: true))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sha256 (else the strongest available) hashes of every file, as <c>algo:hex</c>.</summary>
    public IReadOnlyList<string> PinHashes()
    {
        var result = new List<string>();
        foreach (var file in Files)
        {
            foreach (var algorithm in new[] { "sha256", "sha384", "sha512" })
            {
                if (file.Hashes.TryGetValue(algorithm, out var digest) && !string.IsNullOrEmpty(digest))
                {
                    result.Add($"{algorithm}:{digest.ToLowerInvariant()}");
                    break;
                }
            }
        }

        return result.Distinct(StringComparer.Ordinal).OrderBy(h => h, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when every file has a pip-acceptable hash (<c>--hash</c> accepts sha256/384/512 only).</summary>
    public bool AllFilesHashed => Files.Count > 0 && Files.All(f => f.Hashes.Keys.Any(k => k is "sha256" or "sha384" or "sha512"));
}
