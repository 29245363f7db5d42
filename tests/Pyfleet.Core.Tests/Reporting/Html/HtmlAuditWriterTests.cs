using System.Text;
using System.Text.RegularExpressions;
using Pyfleet.Core.Reporting.Html;

namespace Pyfleet.Core.Tests.Reporting.Html;

public sealed partial class HtmlAuditWriterTests
{
    internal static string Write()
    {
        using var stream = new MemoryStream();
        HtmlAuditWriter.Write(ReportSamples.Audit(), stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Everything that would make a browser fetch or run something from elsewhere.</summary>
    internal static void AssertSelfContained(string html)
    {
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(src|href|action|srcset|poster|data)\s*=\s*["']?\s*(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void Write_Audit_ReferencesNothingExternal()
    {
        AssertSelfContained(Write());
    }

    [Fact]
    public void AssertSelfContained_PageWithRemoteImage_Fails()
    {
        // The check itself can fail: a page with a remote reference is caught.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSelfContained("<!DOCTYPE html><img src=\"https://x.example/a.png\"></html>\n"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSelfContained("<!DOCTYPE html><style>body{background:url(x.png)}</style></html>\n"));
    }

    [Fact]
    public void Write_MarkupInAdvisorySummary_Encoded()
    {
        var html = Write();

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src&#x3D;//evil.example/i.png&gt;", html, StringComparison.Ordinal);
        Assert.Contains("billing|eu", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Audit_FindingsGroupedBySeverityThenPackageWithFixAndEnvironments()
    {
        var html = Write();

        var critical = html.IndexOf("<span class=\"badge critical\">critical</span> 1 finding(s)", StringComparison.Ordinal);
        var unknown = html.IndexOf("<span class=\"badge unknown\">unknown</span> 1 finding(s)", StringComparison.Ordinal);
        Assert.True(critical > 0 && unknown > critical, "critical before unknown");
        Assert.Contains("django <code>4.2.3</code> — minimal fix <code>4.2.15</code>", html, StringComparison.Ordinal);
        Assert.Contains("<li>web-1: /srv/shop/.venv (shop, billing|eu)</li><li>web-1: /srv/shop/requirements.txt</li>", html, StringComparison.Ordinal);
        Assert.Contains("not reachable: no proxy use", html, StringComparison.Ordinal); // suppressed, with its reason
        Assert.Contains("flask", html, StringComparison.Ordinal); // skipped: not pinned
    }

    [Fact]
    public void Write_Audit_EolTablePastFirst()
    {
        var html = Write();

        Assert.Contains("End of life (1 past, 0 soon)", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<span class=\"eol\">end-of-life</span>", StringComparison.Ordinal) < html.IndexOf("<span class=\"ok\">supported</span>", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Outdated_SelfContainedWithUpgradesAndEol()
    {
        using var stream = new MemoryStream();
        HtmlOutdatedWriter.Write(OutdatedSamples.Result(), stream, ReportSamples.Now, "0.1.0", "web-1");
        var html = Encoding.UTF8.GetString(stream.ToArray());

        AssertSelfContained(html);
        Assert.Contains("Potential", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<denial>", html, StringComparison.Ordinal);
        Assert.Contains("<code>PYSEC-2023-100</code>", html, StringComparison.Ordinal);
        Assert.Contains("End of life (3 past, 0 soon)", html, StringComparison.Ordinal);
    }
}
