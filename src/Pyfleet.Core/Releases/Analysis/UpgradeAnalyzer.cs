using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Releases.Analysis;

/// <summary>
/// Classifies the upgrade of one package against its releases. Pure: the releases, the environment's Python and
/// the advisory seam come in; an <see cref="UpgradeReport"/> goes out.
/// Candidates exclude yanked releases (PEP 592: "never suggest a yanked version"), pre-releases unless the
/// installed version is one (PEP 440 §"Handling of pre-releases"), and releases whose Requires-Python excludes
/// the environment's Python (reported as <see cref="UpgradeReport.BlockedByPython"/>).
/// </summary>
public sealed class UpgradeAnalyzer(ISecurityFixSource advisories)
{
    /// <summary>The ecosystem name the seam is asked with (OSV's spelling).</summary>
    public const string Ecosystem = "PyPI";

    /// <summary>No release for this long marks a project as stale.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(365 * 2);

    /// <summary>Analyses <paramref name="version"/> of <paramref name="project"/> on Python <paramref name="pythonVersion"/> (null: any) as of <paramref name="asOf"/>.</summary>
    public UpgradeReport Analyze(ProjectReleases project, string? version, string? pythonVersion, DateTimeOffset asOf)
    {
        // An interpreter like 3.8.10+ (Debian's build suffix) still gates as 3.8.10.
        Pep440Version.TryParse(pythonVersion?.TrimEnd('+'), out var python);
        var report = new UpgradeReport { Name = project.Name, Version = version, Status = project.Status };
        if (!project.Found)
        {
            return report with { Note = project.UnavailableReason is { } reason ? $"no release data: {reason}" : "not found on any configured index" };
        }

        var releases = project.Releases();
        var lastRelease = releases.Where(r => r.UploadTime is not null).Select(r => r.UploadTime).Max();
        report = report with { LastRelease = lastRelease, Stale = lastRelease is not null && asOf - lastRelease.Value > StaleAfter };
        if (version is null)
        {
            return report with { Note = "no pinned version" };
        }

        if (!Pep440Version.TryParse(version, out var installed))
        {
            return report with { Note = $"'{version}' is not a PEP 440 version" };
        }

        var parsed = releases
            .Select(r => (Release: r, Version: Pep440Version.TryParse(r.Version, out var v) ? v : null))
            .Where(p => p.Version is not null)
            .Select(p => (p.Release, Version: p.Version!))
            .ToList();
        var own = parsed.Where(p => p.Version == installed).Select(p => p.Release).FirstOrDefault();
        report = report with { Yanked = own?.Yanked ?? false, YankedReason = own?.Yanked == true ? own.YankedReason : null };

        var allowPre = installed.IsPrerelease;
        var eligible = parsed.Where(p => !p.Release.Yanked && (allowPre || !p.Version.IsPrerelease)).ToList();
        var candidates = eligible.Where(p => p.Release.AllowsPython(python)).Select(p => p.Version).OrderBy(v => v).ToList();

        var latest = candidates.LastOrDefault();
        var inMajor = candidates.LastOrDefault(v => v.Epoch == installed.Epoch && v.Major == installed.Major);
        var inMinor = candidates.LastOrDefault(v => v.Epoch == installed.Epoch && v.Major == installed.Major && v.Minor == installed.Minor);
        var blocked = eligible
            .Where(p => !p.Release.AllowsPython(python) && (latest is null || p.Version > latest) && p.Version > installed)
            .OrderBy(p => p.Version)
            .LastOrDefault();

        var affecting = advisories.For(Ecosystem, project.Name, installed.ToString());
        var securityFix = affecting.Count == 0 ? null : MinimalFix(project.Name, installed, candidates, affecting);
        var kind = Classify(installed, latest, affecting.Count > 0 && securityFix is not null);
        var recommended = securityFix ?? (inMinor is not null && inMinor > installed ? inMinor : null);

        return report with
        {
            Latest = latest?.ToString(),
            LatestInMajor = inMajor?.ToString(),
            LatestInMinor = inMinor?.ToString(),
            Kind = kind,
            Recommended = recommended?.ToString(),
            SecurityFix = securityFix?.ToString(),
            Advisories = affecting,
            BlockedByPython = blocked.Release is null || python is null ? null
                : new BlockedRelease(blocked.Version.ToString(), string.Join(" | ", blocked.Release.RequiresPython.Where(r => r is not null)), python.ToString()),
        };
    }

    /// <summary>The smallest newer candidate that none of <paramref name="affecting"/> affects.</summary>
    private Pep440Version? MinimalFix(string name, Pep440Version installed, IReadOnlyList<Pep440Version> candidates, IReadOnlyList<AffectingAdvisory> affecting)
    {
        var ids = affecting.Select(a => a.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in candidates.Where(c => c > installed))
        {
            if (!advisories.For(Ecosystem, name, candidate.ToString()).Any(a => ids.Contains(a.Id)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static UpgradeKind Classify(Pep440Version installed, Pep440Version? latest, bool securityFixAvailable)
    {
        if (securityFixAvailable)
        {
            return UpgradeKind.Security;
        }

        if (latest is null || latest <= installed)
        {
            return UpgradeKind.None;
        }

        if (latest.Epoch != installed.Epoch || latest.Major != installed.Major)
        {
            return UpgradeKind.Major;
        }

        return latest.Minor != installed.Minor ? UpgradeKind.Minor : UpgradeKind.Patch;
    }
}
