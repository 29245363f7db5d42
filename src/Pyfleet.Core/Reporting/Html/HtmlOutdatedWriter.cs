using System.Text;
using Pyfleet.Core.Releases.Analysis;
using Pyfleet.Core.Reporting.Html.Internal;
using Pyfleet.Core.Reporting.Internal;

namespace Pyfleet.Core.Reporting.Html;

/// <summary>
/// Writes <c>pyfleet outdated</c> results as one self-contained HTML page: the upgrades (security fixes and
/// yanked installs first, with the advisories fixed and the recommended version) and the end-of-life table of
/// the host OS, each environment's Python and the packages. Every input text is HTML-encoded.
/// </summary>
public static class HtmlOutdatedWriter
{
    public static void Write(OutdatedResult result, Stream output, DateTimeOffset timestamp, string toolVersion, string? host = null)
    {
        var html = new StringBuilder();
        var page = new HtmlPage(html);
        page.Begin($"Pyfleet outdated{(host is null ? "" : $": {host}")}");
        page.Element("h1", "Pyfleet outdated");
        page.Element("p", $"{(host is null ? "" : $"Host: {host} · ")}as of {result.AsOf:yyyy-MM-dd} · made {timestamp.UtcDateTime:yyyy-MM-dd HH:mm} UTC by pyfleet {toolVersion}", "meta");
        var upgrades = OutdatedRows.Upgrades(result);
        page.Element("h2", "Summary");
        page.Table(["Environments", "Packages", "Security upgrades", "Yanked", "Other upgrades"],
        [[
            result.Environments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            result.Environments.Sum(e => e.Packages.Count).ToString(System.Globalization.CultureInfo.InvariantCulture),
            upgrades.Count(u => u.Package.Report.Kind == UpgradeKind.Security).ToString(System.Globalization.CultureInfo.InvariantCulture),
            upgrades.Count(u => u.Package.Report.Yanked).ToString(System.Globalization.CultureInfo.InvariantCulture),
            upgrades.Count(u => u.Package.Report.Kind is UpgradeKind.Major or UpgradeKind.Minor or UpgradeKind.Patch).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]]);
        page.Element("h2", $"Upgrades ({upgrades.Count})");
        page.Table(["Package", "Installed", "Kind", "Recommended", "Latest", "Advisories fixed", "Where"], upgrades.Select(u => new[]
        {
            page.Text(u.Package.Report.Name), page.Code(u.Package.Report.Version), page.Text(OutdatedRows.Kind(u.Package)),
            page.Code(u.Package.Report.SecurityFix ?? u.Package.Report.Recommended), page.Code(u.Package.Report.Latest),
            string.Join("<br>", u.Package.Report.Advisories.Select(a => page.Code(a.Id) + (a.Summary is { } s ? " " + page.Text(s) : ""))) + (u.Package.Report.Yanked ? $"<br>yanked: {page.Text(u.Package.Report.YankedReason ?? "no reason given")}" : ""),
            page.Code(u.Package.Origin ?? u.Environment.Path),
        }));
        page.LifecycleTable(OutdatedRows.Lifecycle(result));
        if (result.Warnings.Count > 0)
        {
            page.Element("h2", "Warnings");
            page.Raw(page.List(result.Warnings)).Raw("\n");
        }

        page.End();
        output.Write(Encoding.UTF8.GetBytes(html.ToString()));
    }
}
