using System.Text;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting.Internal;
using Pyfleet.Core.Reporting.Markdown.Internal;

namespace Pyfleet.Core.Reporting.Markdown;

/// <summary>
/// Writes <c>pyfleet outdated</c> results as GitHub-flavoured Markdown: the upgrades table (security and yanked
/// first), the advisories each security upgrade fixes in a collapsible block, and the end-of-life table.
/// </summary>
public static class MarkdownOutdatedWriter
{
    public static void Write(OutdatedResult result, Stream output, string toolVersion)
    {
        var md = new StringBuilder();
        var upgrades = OutdatedRows.Upgrades(result);
        var security = upgrades.Count(u => u.Package.Report.Kind == UpgradeKind.Security);
        md.Append("## Pyfleet outdated: ").Append(security).Append(" security upgrade(s), ").Append(upgrades.Count - security).Append(" other\n\n");
        if (upgrades.Count > 0)
        {
            md.Append(MarkdownText.Header("Package", "Installed", "Kind", "Recommended", "Latest", "Where")).Append('\n');
            foreach (var (environment, package) in upgrades)
            {
                var r = package.Report;
                md.Append(MarkdownText.Row(MarkdownText.Escape(r.Name), MarkdownText.Escape(r.Version ?? "unpinned"), MarkdownText.Escape(OutdatedRows.Kind(package)),
                    MarkdownText.Escape(r.SecurityFix ?? r.Recommended ?? ""), MarkdownText.Escape(r.Latest ?? ""), MarkdownText.Escape(package.Origin ?? environment.Path))).Append('\n');
            }

            md.Append('\n');
        }

        foreach (var (environment, package) in upgrades.Where(u => u.Package.Report.Advisories.Count > 0))
        {
            md.Append("<details><summary>").Append(MarkdownText.Html($"{package.Report.Name} {package.Report.Version}: {package.Report.Advisories.Count} advisory(ies)")).Append("</summary>\n\n");
            foreach (var advisory in package.Report.Advisories)
            {
                md.Append("- ").Append(MarkdownText.Escape(advisory.Id)).Append(advisory.Summary is { } s ? ": " + MarkdownText.Escape(s) : "").Append('\n');
            }

            md.Append("\n</details>\n\n");
        }

        MarkdownAuditWriter.WriteLifecycle(md, OutdatedRows.Lifecycle(result));
        md.Append("\n<sub>pyfleet ").Append(MarkdownText.Escape(toolVersion)).Append("</sub>\n");
        output.Write(Encoding.UTF8.GetBytes(md.ToString()));
    }
}
