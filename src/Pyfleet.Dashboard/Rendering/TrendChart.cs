using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Pyfleet.Core.Fleet.Findings;

namespace Pyfleet.Dashboard.Rendering;

/// <summary>
/// The overview's trend as inline SVG drawn on the server: per day, new findings as bars above the axis and resolved
/// ones as bars below it (so the two differ by position, not only by colour), and the hosts that reported as a line
/// with square markers on its own scale. The page also gives the same numbers as a table.
/// </summary>
public static class TrendChart
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 44;
    private const int Right = 44;
    private const int Top = 16;
    private const int Bottom = 28;

    public static IHtmlContent Render(IReadOnlyList<TrendDay> days, string titleId, string descriptionId)
    {
        ArgumentNullException.ThrowIfNull(days);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{titleId} {descriptionId}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var middle = Top + plotHeight / 2.0;
        var peak = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => Math.Max(d.New, d.Resolved)));
        var hostsPeak = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => d.HostsReporting));
        var step = days.Count == 0 ? plotWidth : plotWidth / (double)days.Count;
        var bar = Math.Max(1, step * 0.7);
        Line(svg, Left, middle, Width - Right, middle, "axis");
        Text(svg, 4, Top + 10, peak.ToString(CultureInfo.InvariantCulture) + " new", "start");
        Text(svg, 4, Height - Bottom, peak.ToString(CultureInfo.InvariantCulture) + " fixed", "start");
        Text(svg, Width - 4, Top + 10, hostsPeak.ToString(CultureInfo.InvariantCulture) + " hosts", "end");
        var points = new List<string>();
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var x = Left + i * step + (step - bar) / 2;
            var up = day.New / (double)peak * (plotHeight / 2.0);
            var down = day.Resolved / (double)peak * (plotHeight / 2.0);
            if (up > 0)
            {
                Rect(svg, x, middle - up, bar, up, "bar-new", $"{Day(day.Day)}: {day.New} new");
            }

            if (down > 0)
            {
                Rect(svg, x, middle, bar, down, "bar-fixed", $"{Day(day.Day)}: {day.Resolved} resolved");
            }

            var hy = Top + plotHeight - day.HostsReporting / (double)hostsPeak * plotHeight;
            points.Add(string.Create(CultureInfo.InvariantCulture, $"{x + bar / 2:0.#},{hy:0.#}"));
            // Every seventh day counted back from the last, and the first when it is not crowded by one of those.
            if ((days.Count - 1 - i) % 7 == 0 || (i == 0 && (days.Count - 1) % 7 >= 3))
            {
                Text(svg, x + bar / 2, Height - 8, day.Day.ToString("MM-dd", CultureInfo.InvariantCulture), "middle");
            }
        }

        if (points.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"line-hosts\" points=\"{string.Join(' ', points)}\" fill=\"none\"/>");
            foreach (var point in points)
            {
                var xy = point.Split(',');
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"mark-hosts\" x=\"{double.Parse(xy[0], CultureInfo.InvariantCulture) - 2.5:0.#}\" y=\"{double.Parse(xy[1], CultureInfo.InvariantCulture) - 2.5:0.#}\" width=\"5\" height=\"5\"/>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string css) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{css}\" x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\"/>");

    private static void Rect(StringBuilder svg, double x, double y, double width, double height, string css, string title) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\"><title>{WebUtility.HtmlEncode(title)}</title></rect>");

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>");
}
