using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Auditing;

namespace Pyfleet.Core.Reporting.Internal;

/// <summary>
/// An audit's open findings grouped for people (HTML, Markdown): by severity, most severe first, then by package
/// and version, each advisory once with every environment (and its labels) where that package has it.
/// </summary>
internal static class FindingGroups
{
    public sealed record Occurrence(string Environment, IReadOnlyList<string> Labels, string Host, PackageAudit Package);

    public sealed record Row(VulnerabilityFinding Finding, string Package, string Version, string? MinimalFix, List<Occurrence> Occurrences);

    public sealed record Group(SeverityRating Rating, string Package, string Version, List<Row> Rows);

    public sealed record Suppressed(VulnerabilityFinding Finding, Suppression Suppression, PackageAudit Package, string Environment);

    public static List<Group> Open(AuditDocument document)
    {
        var rows = new Dictionary<(string Id, string Package, string Version, string Source), Row>();
        var order = new List<Row>();
        foreach (var inventory in document.Inventories)
        {
            foreach (var environment in inventory.Environments)
            {
                foreach (var package in environment.Audit.Packages)
                {
                    foreach (var finding in package.Vulnerabilities)
                    {
                        var name = package.OsPackage ?? package.Name;
                        var key = (finding.Id, name, package.Version, package.Source);
                        if (!rows.TryGetValue(key, out var row))
                        {
                            rows[key] = row = new Row(finding, name, package.Version, package.MinimalFix, []);
                            order.Add(row);
                        }

                        row.Occurrences.Add(new Occurrence(environment.Audit.Path, environment.Audit.Labels, inventory.Host.Name, package));
                    }
                }
            }
        }

        return order
            .GroupBy(r => (r.Finding.Severity.Rating, r.Package, r.Version))
            .Select(g => new Group(g.Key.Rating, g.Key.Package, g.Key.Version, [.. g.OrderByDescending(r => r.Finding.Severity.Score ?? -1).ThenBy(r => r.Finding.Id, StringComparer.Ordinal)]))
            .OrderByDescending(g => g.Rating == SeverityRating.Unknown ? (double)SeverityRating.Medium + 0.5 : (double)g.Rating)
            .ThenBy(g => g.Package, StringComparer.Ordinal)
            .ThenBy(g => g.Version, StringComparer.Ordinal)
            .ToList();
    }

    public static List<Suppressed> SuppressedFindings(AuditDocument document) =>
        [.. document.AllEnvironments.SelectMany(e => e.Audit.Packages.SelectMany(p => p.Suppressed.Select(s => new Suppressed(s.Finding, s.Suppression, p, e.Audit.Path))))];

    public static string Rating(SeverityRating rating) => rating.ToString().ToLowerInvariant();

    public static string Score(CvssScore severity) =>
        severity.Score is { } score ? score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>An EOL verdict as words.</summary>
    public static string Verdict(Lifecycle.EolStatus eol) =>
        eol.EffectiveEol ? "end-of-life" : eol.EolSoon ? $"end-of-life in {eol.DaysLeft} days" : eol.Cycle is null ? "unknown cycle" : "supported";
}
