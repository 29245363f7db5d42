using System.Net;
using System.Text;

namespace Pyfleet.Core.Reporting.Markdown.Internal;

/// <summary>
/// Text from the inputs made inert in GitHub-flavoured Markdown (https://github.github.com/gfm/): backslash
/// escapes for the punctuation that opens emphasis, code, links, HTML or a table cell (<c>|</c> needs <c>\|</c>
/// even inside code spans, so none are used for input text), and line breaks folded so a table row stays one line.
/// </summary>
internal static class MarkdownText
{
    private const string Specials = "\\`*_{}[]<>()#+!|~&";

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\r' or '\n')
            {
                text.Append(' ');
            }
            else if (Specials.Contains(c))
            {
                text.Append('\\').Append(c);
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Text inside HTML (<c>&lt;summary&gt;</c>), where Markdown is not read but markup is.</summary>
    public static string Html(string? value) => WebUtility.HtmlEncode(value ?? "").Replace("|", "&#124;", StringComparison.Ordinal).ReplaceLineEndings(" ");

    public static string Join(IEnumerable<string> values) => string.Join(", ", values.Select(Escape));

    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    public static string Header(params string[] cells) => Row(cells) + "\n|" + string.Concat(cells.Select(_ => "---|"));
}
