using System.Text;
using Pyfleet.Core.Reporting.Internal;
using Pyfleet.Core.Reporting.Markdown.Internal;

namespace Pyfleet.Core.Reporting.Markdown;

/// <summary>
/// Writes an audit as GitHub-flavoured Markdown for a pull-request comment: a one-line verdict, a findings table
/// (severity, package, advisory, fix) most severe first, and per finding a collapsible <c>&lt;details&gt;</c> with
/// its summary, aliases, fixed versions and the environments and labels it affects. Input text is escaped.
/// </summary>
public static class MarkdownAuditWriter
{
    public static void Write(AuditDocument document, Stream output)
    {
        var md = new StringBuilder();
        var summary = document.Summary();
        var groups = FindingGroups.Open(document);
        md.Append("## Pyfleet audit: ");
        md.Append(summary.Findings == 0 ? "no known vulnerabilities" : $"{summary.Findings} finding(s) in {summary.VulnerablePackages} package(s)");
        md.Append('\n').Append('\n');
        var by = string.Join(", ", summary.BySeverity.Select(s => $"{s.Count} {FindingGroups.Rating(s.Rating)}"));
        md.Append($"{summary.Environments} environment(s) checked as of {document.AsOf:yyyy-MM-dd}")
            .Append(by.Length > 0 ? $" · {by}" : "")
            .Append(summary.Suppressed > 0 ? $" · {summary.Suppressed} suppressed" : "")
            .Append('\n').Append('\n');
        if (groups.Count > 0)
        {
            md.Append(MarkdownText.Header("Severity", "Package", "Version", "Advisory", "Fixed in", "Minimal fix", "Environments")).Append('\n');
            foreach (var group in groups)
            {
                foreach (var row in group.Rows)
                {
                    md.Append(MarkdownText.Row(
                        FindingGroups.Rating(group.Rating) + (row.Finding.Severity.Score is { } s ? $" {FindingGroups.Score(row.Finding.Severity)}" : ""),
                        MarkdownText.Escape(group.Package), MarkdownText.Escape(group.Version), MarkdownText.Escape(row.Finding.Id),
                        MarkdownText.Join(row.Finding.FixedIn), MarkdownText.Escape(row.MinimalFix ?? "none known"),
                        MarkdownText.Join(row.Occurrences.Select(o => o.Environment).Distinct(StringComparer.Ordinal)))).Append('\n');
                }
            }

            md.Append('\n');
            foreach (var group in groups)
            {
                foreach (var row in group.Rows)
                {
                    WriteDetails(md, group, row);
                }
            }
        }

        WriteSuppressed(md, document);
        WriteLifecycle(md, document.Lifecycle);
        md.Append("\n<sub>pyfleet ").Append(MarkdownText.Escape(document.ToolVersion)).Append("</sub>\n");
        output.Write(Encoding.UTF8.GetBytes(md.ToString()));
    }

    private static void WriteDetails(StringBuilder md, FindingGroups.Group group, FindingGroups.Row row)
    {
        md.Append("<details><summary>").Append(MarkdownText.Html($"{row.Finding.Id}: {group.Package} {group.Version} ({FindingGroups.Rating(group.Rating)})"))
            .Append("</summary>\n\n");
        if (row.Finding.Summary is { } summary)
        {
            md.Append(MarkdownText.Escape(summary)).Append("\n\n");
        }

        md.Append("- Advisory: ").Append(MarkdownText.Escape(AdvisoryLinks.Osv(row.Finding.Id))).Append('\n');
        if (row.Finding.Aliases.Count > 0)
        {
            md.Append("- Aliases: ").Append(MarkdownText.Join(row.Finding.Aliases)).Append('\n');
        }

        md.Append("- Fixed in: ").Append(row.Finding.FixedIn.Count > 0 ? MarkdownText.Join(row.Finding.FixedIn) : "no fixed version known").Append('\n');
        md.Append("- Minimal fix: ").Append(MarkdownText.Escape(row.MinimalFix ?? "none known")).Append('\n');
        md.Append("- Judged by: ").Append(MarkdownText.Escape(row.Finding.Source)).Append('\n');
        md.Append("- Affected:\n");
        foreach (var occurrence in row.Occurrences)
        {
            md.Append("  - ").Append(MarkdownText.Escape($"{occurrence.Host}: {occurrence.Environment}"));
            if (occurrence.Labels.Count > 0)
            {
                md.Append(" (labels: ").Append(MarkdownText.Join(occurrence.Labels)).Append(')');
            }

            if (occurrence.Package.Origin is { } origin)
            {
                md.Append(" at ").Append(MarkdownText.Escape(origin));
            }

            md.Append('\n');
        }

        md.Append("\n</details>\n\n");
    }

    private static void WriteSuppressed(StringBuilder md, AuditDocument document)
    {
        var suppressed = FindingGroups.SuppressedFindings(document);
        if (suppressed.Count == 0)
        {
            return;
        }

        md.Append("<details><summary>").Append(suppressed.Count).Append(" suppressed finding(s)</summary>\n\n");
        md.Append(MarkdownText.Header("Advisory", "Package", "Environment", "Reason", "Expires")).Append('\n');
        foreach (var s in suppressed)
        {
            md.Append(MarkdownText.Row(MarkdownText.Escape(s.Finding.Id), MarkdownText.Escape($"{s.Package.OsPackage ?? s.Package.Name} {s.Package.Version}"),
                MarkdownText.Escape(s.Environment), MarkdownText.Escape(s.Suppression.Reason), s.Suppression.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never")).Append('\n');
        }

        md.Append("\n</details>\n\n");
    }

    /// <summary>The end-of-life table (shared with the outdated report).</summary>
    internal static void WriteLifecycle(StringBuilder md, IReadOnlyList<LifecycleRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("### End of life\n\n").Append(MarkdownText.Header("What", "Version", "Cycle", "End of life", "Status", "Where")).Append('\n');
        foreach (var r in rows.OrderByDescending(r => r.Eol.EffectiveEol).ThenByDescending(r => r.Eol.EolSoon))
        {
            md.Append(MarkdownText.Row(MarkdownText.Escape(r.Subject), MarkdownText.Escape(r.Version), MarkdownText.Escape($"{r.Eol.Product} {r.Eol.Cycle}"),
                r.Eol.EolDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown",
                (r.Eol.EffectiveEol ? "**" : "") + FindingGroups.Verdict(r.Eol) + (r.Eol.EffectiveEol ? "**" : ""), MarkdownText.Escape(r.Environment))).Append('\n');
        }

        md.Append('\n');
    }
}
