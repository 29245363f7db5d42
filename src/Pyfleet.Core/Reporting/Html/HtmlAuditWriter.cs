using System.Globalization;
using System.Text;
using Pyfleet.Core.Reporting.Html.Internal;
using Pyfleet.Core.Reporting.Internal;

namespace Pyfleet.Core.Reporting.Html;

/// <summary>
/// Writes an audit as one self-contained HTML page a person can open or mail: a summary, the open findings
/// grouped by severity and package (advisory, aliases, score, fixed versions, the minimal fix, and every
/// environment with its labels), suppressed findings with their reasons, the end-of-life table, and what was
/// skipped or warned about. Nothing is loaded from anywhere else; every input text is HTML-encoded.
/// </summary>
public static class HtmlAuditWriter
{
    public static void Write(AuditDocument document, Stream output)
    {
        var html = new StringBuilder();
        var page = new HtmlPage(html);
        var hosts = document.Inventories.Select(i => i.Host.Name).Distinct(StringComparer.Ordinal).ToList();
        page.Begin($"Pyfleet audit: {string.Join(", ", hosts)}");
        page.Element("h1", "Pyfleet audit");
        page.Element("p", $"Hosts: {string.Join(", ", hosts)} · inputs: {string.Join(", ", document.Inventories.Select(i => i.Path))} · as of {document.AsOf:yyyy-MM-dd} · made {document.Timestamp.UtcDateTime:yyyy-MM-dd HH:mm} UTC by pyfleet {document.ToolVersion}", "meta");
        WriteSummary(page, document);
        WriteFindings(page, document);
        WriteSuppressed(page, document);
        page.LifecycleTable(document.Lifecycle);
        WriteNotChecked(page, document);
        page.End();
        output.Write(Encoding.UTF8.GetBytes(html.ToString()));
    }

    private static void WriteSummary(HtmlPage page, AuditDocument document)
    {
        var summary = document.Summary();
        page.Element("h2", "Summary");
        var severities = string.Join(" ", summary.BySeverity.Select(s => $"{page.Badge(FindingGroups.Rating(s.Rating))} {s.Count}"));
        page.Table(["Environments", "Vulnerable packages", "Open findings", "By severity", "Suppressed"],
        [[
            summary.Environments.ToString(CultureInfo.InvariantCulture), summary.VulnerablePackages.ToString(CultureInfo.InvariantCulture),
            summary.Findings.ToString(CultureInfo.InvariantCulture), severities.Length == 0 ? "none" : severities, summary.Suppressed.ToString(CultureInfo.InvariantCulture),
        ]]);
    }

    private static void WriteFindings(HtmlPage page, AuditDocument document)
    {
        var groups = FindingGroups.Open(document);
        page.Element("h2", $"Findings ({groups.Sum(g => g.Rows.Count)})");
        if (groups.Count == 0)
        {
            page.Element("p", "No known vulnerabilities in the packages checked.");
            return;
        }

        foreach (var bySeverity in groups.GroupBy(g => g.Rating))
        {
            var rating = FindingGroups.Rating(bySeverity.Key);
            page.Raw($"<h3>{page.Badge(rating)} {bySeverity.Sum(g => g.Rows.Count)} finding(s)</h3>\n");
            foreach (var group in bySeverity)
            {
                var fix = group.Rows[0].MinimalFix is { } minimal ? $" — minimal fix {page.Code(minimal)}" : " — no fixed version known";
                page.Raw($"<h4>{page.Text(group.Package)} {page.Code(group.Version)}{fix}</h4>\n");
                page.Table(["Advisory", "Aliases", "Summary", "Score", "Fixed in", "Environments (labels)"], group.Rows.Select(row => new[]
                {
                    page.Code(row.Finding.Id) + $"<br><span class=\"meta\">{page.Text(AdvisoryLinks.Osv(row.Finding.Id))}</span>",
                    page.Codes(row.Finding.Aliases),
                    page.Text(row.Finding.Summary),
                    page.Text(FindingGroups.Score(row.Finding.Severity)),
                    page.Codes(row.Finding.FixedIn),
                    page.List(row.Occurrences.Select(o => o.Labels.Count == 0 ? $"{o.Host}: {o.Environment}" : $"{o.Host}: {o.Environment} ({string.Join(", ", o.Labels)})")),
                }));
            }
        }
    }

    private static void WriteSuppressed(HtmlPage page, AuditDocument document)
    {
        var suppressed = FindingGroups.SuppressedFindings(document);
        if (suppressed.Count == 0)
        {
            return;
        }

        page.Element("h2", $"Suppressed ({suppressed.Count})");
        page.Table(["Advisory", "Package", "Environment", "Reason", "Expires"], suppressed.Select(s => new[]
        {
            page.Code(s.Finding.Id), $"{page.Text(s.Package.OsPackage ?? s.Package.Name)} {page.Code(s.Package.Version)}", page.Code(s.Environment),
            page.Text(s.Suppression.Reason), page.Text(s.Suppression.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "never"),
        }));
    }

    private static void WriteNotChecked(HtmlPage page, AuditDocument document)
    {
        var skipped = document.AllEnvironments.SelectMany(e => e.Audit.Skipped.Select(s => (e.Audit.Path, s.Name, s.Reason))).ToList();
        var errors = document.AllEnvironments.SelectMany(e => e.Inventory?.Errors ?? []).Select(e => e.ToString()).ToList();
        var warnings = document.Inventories.SelectMany(i => i.Warnings).Distinct(StringComparer.Ordinal).ToList();
        if (skipped.Count + errors.Count + warnings.Count == 0)
        {
            return;
        }

        page.Element("h2", "Not checked");
        if (errors.Count > 0)
        {
            page.Raw("<p><strong>Could not be read or checked:</strong></p>").Raw(page.List(errors)).Raw("\n");
        }

        if (skipped.Count > 0)
        {
            page.Table(["Environment", "Package", "Why skipped"], skipped.Select(s => new[] { page.Code(s.Path), page.Text(s.Name), page.Text(s.Reason) }));
        }

        if (warnings.Count > 0)
        {
            page.Raw("<p><strong>Warnings:</strong></p>").Raw(page.List(warnings)).Raw("\n");
        }
    }
}
