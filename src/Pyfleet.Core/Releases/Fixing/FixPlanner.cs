using Pyfleet.Core.Errors;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>Turns upgrade reports into pin edits for one file, getting <c>--hash</c> values from the index's files.</summary>
public static class FixPlanner
{
    /// <summary>
    /// The edits for <paramref name="file"/>. A hashed pin whose target release lacks sha256/384/512 hashes for
    /// every file makes the whole plan fail: writing a partial hash set would make pip reject the file.
    /// </summary>
    public static IReadOnlyList<PinEdit> Plan(PinnedFile file, IReadOnlyDictionary<string, (UpgradeReport Report, ProjectReleases Project)> analysis, FixMode mode)
    {
        var edits = new List<PinEdit>();
        foreach (var pin in file.Pins)
        {
            if (!analysis.TryGetValue(pin.Name, out var entry))
            {
                continue;
            }

            if (!Pep440Version.TryParse(pin.Version, out var current))
            {
                continue;
            }

            var target = Target(entry.Report, current, mode);
            if (target is null || !Pep440Version.TryParse(target, out var targetVersion) || targetVersion <= current)
            {
                continue;
            }

            IReadOnlyList<string>? hashes = null;
            if (pin.HasHashes)
            {
                var release = entry.Project.Releases().FirstOrDefault(r => Pep440Version.TryParse(r.Version, out var v) && v == targetVersion);
                if (release is null || !release.AllFilesHashed)
                {
                    throw new PyfleetException(
                        $"'{pin.Name}' is hash-pinned but the index gives no sha256 hashes for every file of {target}; not rewriting (add the hashes by hand or use an index that publishes them)",
                        file.Path, pin.Line + 1);
                }

                hashes = release.PinHashes();
            }

            edits.Add(new PinEdit(pin, target, hashes));
        }

        return edits;
    }

    // --patch stays in the pinned X.Y series and --minor in X, security fixes included: a security fix outside the
    // series is left to --security-only or the default mode (flask 1.0.2 --patch is 1.0.x, never 2.2.5).
    private static string? Target(UpgradeReport report, Pep440Version current, FixMode mode)
    {
        var security = report.Kind == UpgradeKind.Security ? report.SecurityFix : null;
        var wanted = mode switch
        {
            FixMode.SecurityOnly => security,
            FixMode.Recommended => report.Recommended,
            FixMode.Patch => report.LatestInMinor,
            FixMode.Minor => report.LatestInMajor,
            _ => null,
        };
        var series = mode switch { FixMode.Patch => 2, FixMode.Minor => 1, _ => 0 };
        wanted = InSeries(wanted, current, series) ? wanted : null;
        if (security is not null && InSeries(security, current, series)
            && (wanted is null || (Pep440Version.TryParse(wanted, out var w) && Pep440Version.TryParse(security, out var s) && s > w)))
        {
            return security;
        }

        return wanted;
    }

    private static bool InSeries(string? version, Pep440Version current, int components)
    {
        if (version is null || !Pep440Version.TryParse(version, out var candidate))
        {
            return false;
        }

        for (var i = 0; i < components; i++)
        {
            if (Component(candidate, i) != Component(current, i))
            {
                return false;
            }
        }

        return candidate.Epoch == current.Epoch;
    }

    private static System.Numerics.BigInteger Component(Pep440Version version, int index) =>
        index < version.Release.Count ? version.Release[index] : System.Numerics.BigInteger.Zero;
}
