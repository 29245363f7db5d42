namespace Pyfleet.Core.Reporting.Internal;

/// <summary>Where a person reads an advisory id: the database that issued it.</summary>
internal static class AdvisoryLinks
{
    /// <summary>The issuing database's name and the advisory's page.</summary>
    public static (string Name, string Url) Source(string id) => id switch
    {
        _ when id.StartsWith("CVE-", StringComparison.Ordinal) => ("NVD", $"https://nvd.nist.gov/vuln/detail/{Uri.EscapeDataString(id)}"),
        _ when id.StartsWith("GHSA-", StringComparison.Ordinal) => ("GitHub Advisories", $"https://github.com/advisories/{Uri.EscapeDataString(id)}"),
        _ when id.StartsWith("PYSEC-", StringComparison.Ordinal) => ("PyPA Advisory Database", $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}"),
        _ when id.StartsWith("DSA-", StringComparison.Ordinal) || id.StartsWith("DLA-", StringComparison.Ordinal) || id.StartsWith("DEBIAN-", StringComparison.Ordinal)
            => ("Debian Security Tracker", $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}"),
        _ => ("OSV", $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}"),
    };

    /// <summary>The advisory on osv.dev (every id Pyfleet reports comes from OSV).</summary>
    public static string Osv(string id) => $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}";
}
