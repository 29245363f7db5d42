using System.Text;
using System.Text.Encodings.Web;

namespace Pyfleet.Core.Reporting.Html.Internal;

/// <summary>
/// One self-contained HTML page: inline CSS only, no script, no font, image or link to anywhere else (a CSP
/// meta tag says so to the browser), so it can be opened from a mail or an artifact store as is. Every text
/// from the inputs goes through <see cref="Text"/>.
/// </summary>
internal sealed partial class HtmlPage(StringBuilder html)
{
    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328;background:#fff;line-height:1.4}
        h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de}h3{font-size:1.05rem;margin-bottom:.3rem}
        table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
        .meta{color:#59636e}.badge{display:inline-block;padding:.05rem .45rem;border-radius:.6rem;font-size:.85em;font-weight:600;color:#fff}
        .critical{background:#8b0000}.high{background:#cf222e}.medium{background:#bf8700}.low{background:#1a7f37}.none{background:#59636e}.unknown{background:#6e40c9}
        .eol{color:#cf222e;font-weight:600}.soon{color:#9a6700;font-weight:600}.ok{color:#1a7f37}ul{margin:.2rem 0;padding-left:1.2rem}
        """;

    private readonly HtmlEncoder _encoder = HtmlEncoder.Default;

    public void Begin(string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
    }

    public void End() => html.Append("</body>\n</html>\n");

    /// <summary>
    /// HTML-encoded text: every character that could open markup or an attribute, non-ASCII as references, and
    /// also <c>=</c> and the <c>(</c> of <c>url(</c> and <c>@</c> of <c>@import</c>, so not even the page's text reads
    /// like a reference to elsewhere (<c>src=//…</c>).
    /// </summary>
    public string Text(string? value) => value is null ? ""
        : RemoteLooking().Replace(_encoder.Encode(value).Replace("=", "&#x3D;", StringComparison.Ordinal), m => m.Value[0] == '@' ? "&#x40;" + m.Value[1..] : m.Value[..^1] + "&#x28;");

    [System.Text.RegularExpressions.GeneratedRegex(@"url\(|@import", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex RemoteLooking();

    public HtmlPage Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlPage Element(string tag, string? text, string? cssClass = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append('>').Append(Text(text)).Append("</").Append(tag).Append(">\n");
        return this;
    }

    public string Badge(string rating) => $"<span class=\"badge {rating}\">{Text(rating)}</span>";

    /// <summary>A table: header cells as text, body cells as markup already encoded by the caller.</summary>
    public void Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(Text(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    public string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : "<ul>" + string.Concat(list.Select(i => $"<li>{Text(i)}</li>")) + "</ul>";
    }

    public string Code(string? value) => value is null or "" ? "" : $"<code>{Text(value)}</code>";

    public string Codes(IEnumerable<string> values) => string.Join(", ", values.Select(v => Code(v)));

    /// <summary>The EOL table shared by the audit and outdated pages.</summary>
    public void LifecycleTable(IReadOnlyList<LifecycleRow> rows)
    {
        Element("h2", $"End of life ({rows.Count(r => r.Eol.EffectiveEol)} past, {rows.Count(r => !r.Eol.EffectiveEol && r.Eol.EolSoon)} soon)");
        if (rows.Count == 0)
        {
            Element("p", "No end-of-life data was evaluated for this report.", "meta");
            return;
        }

        Table(
            ["What", "Version", "Cycle", "End of life", "Status", "Where"],
            rows.OrderByDescending(r => r.Eol.EffectiveEol).ThenByDescending(r => r.Eol.EolSoon).ThenBy(r => r.Subject, StringComparer.Ordinal).Select(r => new[]
            {
                Text(r.Subject), Code(r.Version), Text($"{r.Eol.Product} {r.Eol.Cycle}"), Text(r.Eol.EolDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—"),
                $"<span class=\"{(r.Eol.EffectiveEol ? "eol" : r.Eol.EolSoon ? "soon" : "ok")}\">{Text(Reporting.Internal.FindingGroups.Verdict(r.Eol))}</span>", Code(r.Environment),
            }));
    }
}
