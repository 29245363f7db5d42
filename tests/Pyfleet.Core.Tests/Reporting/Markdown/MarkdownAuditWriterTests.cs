using System.Text;
using Pyfleet.Core.Reporting.Markdown;

namespace Pyfleet.Core.Tests.Reporting.Markdown;

public sealed class MarkdownAuditWriterTests
{
    private static string Write()
    {
        using var stream = new MemoryStream();
        MarkdownAuditWriter.Write(ReportSamples.Audit(), stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static List<string> TableRows(string markdown) =>
        markdown.Split('\n').SkipWhile(l => !l.StartsWith("| Severity", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')).ToList();

    [Fact]
    public void Write_Audit_HeadlineAndOneTableRowPerFinding()
    {
        var markdown = Write();

        Assert.StartsWith("## Pyfleet audit: 3 finding(s) in 3 package(s)\n", markdown, StringComparison.Ordinal);
        var rows = TableRows(markdown);
        Assert.Equal(2, rows.Count); // django's two occurrences share a row
        Assert.Equal("| critical 9.8 | django | 4.2.3 | PYSEC\\-2024\\-70 | 4.2.15, 5.0.8 | 4.2.15 | /srv/shop/.venv, /srv/shop/requirements.txt |".Replace("\\-", "-", StringComparison.Ordinal), rows[0]);
    }

    [Fact]
    public void Write_PipesAndMarkupInInputs_EscapedSoTheTableHoldsAndNothingRenders()
    {
        var markdown = Write();

        // Every table row keeps its 7 columns: a pipe from the input is escaped.
        Assert.All(TableRows(markdown), r => Assert.Equal(8, System.Text.RegularExpressions.Regex.Matches(r, @"(?<!\\)\|").Count));
        Assert.Contains("\\<script\\>alert\\('x'\\)\\</script\\> \\| \\`tick\\` \\*bold\\* \\[link\\]\\(http://evil.example/a\\)", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<(script|img)", markdown); // only escaped, never as markup
        Assert.Contains("(labels: shop, billing\\|eu)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Audit_CollapsibleDetailsPerFinding()
    {
        var markdown = Write();

        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(markdown, "<details><summary>").Count); // 2 findings + the suppressed block
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(markdown, "</details>").Count);
        Assert.Contains("<details><summary>PYSEC-2024-70: django 4.2.3 (critical)</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("at /srv/shop/requirements.txt:3", markdown, StringComparison.Ordinal);
        Assert.Contains("| **end-of-life** |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Outdated_UpgradesTableAndEscapedAdvisorySummary()
    {
        using var stream = new MemoryStream();
        MarkdownOutdatedWriter.Write(OutdatedSamples.Result(), stream, "0.1.0");
        var markdown = Encoding.UTF8.GetString(stream.ToArray());

        Assert.StartsWith("## Pyfleet outdated: 1 security upgrade(s), 3 other\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| django | 3.2.18 | security | 3.2.19 | 5.2.5 | /srv/shop/requirements.txt:4 |", markdown, StringComparison.Ordinal);
        Assert.Contains("PYSEC-2023-100: Potential \\<denial\\> \\| of service", markdown, StringComparison.Ordinal);
    }
}
