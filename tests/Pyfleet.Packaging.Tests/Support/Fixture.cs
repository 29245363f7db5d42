using System.Globalization;
using System.Text;

namespace Pyfleet.Packaging.Tests.Support;

/// <summary>Reads the data files under Fixtures/: one case a line, tab-separated, '#' comments, C-style escapes.</summary>
internal static class Fixture
{
    public static IEnumerable<string[]> Rows(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return line.Split('\t').Select(Unescape).ToArray();
        }
    }

    public static TheoryData<string> Lines(string relativePath)
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows(relativePath))
        {
            data.Add(row[0]);
        }

        return data;
    }

    public static string Unescape(string text)
    {
        if (text == "<empty>")
        {
            return string.Empty;
        }

        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case 'u':
                    builder.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: builder.Append('\\').Append(e); break;
            }
        }

        return builder.ToString();
    }

    public static bool? OptionalBool(string text) => text.Length == 0 ? null : bool.Parse(text);
}
