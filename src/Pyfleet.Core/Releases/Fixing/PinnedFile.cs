namespace Pyfleet.Core.Releases.Fixing;

/// <summary>A fully parsed manifest: its physical lines (with their endings) and the pins found in it.</summary>
public sealed record PinnedFile(string Path, IReadOnlyList<string> Lines, IReadOnlyList<string> LineEndings, IReadOnlyList<PinLocation> Pins, bool IsBuildout)
{
    /// <summary>Splits text into lines and their endings (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, or "" for the last), so a rewrite keeps them byte for byte.</summary>
    public static (List<string> Lines, List<string> Endings) SplitLines(string text)
    {
        var lines = new List<string>();
        var endings = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                var ending = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? "\r\n" : text[i].ToString();
                lines.Add(text[start..i]);
                endings.Add(ending);
                i += ending.Length - 1;
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
            endings.Add("");
        }

        return (lines, endings);
    }

    /// <summary>The text for <paramref name="lines"/> with this file's endings (new lines take the first ending seen).</summary>
    public string Join(IReadOnlyList<string> lines, IReadOnlyList<string> endings) =>
        string.Concat(lines.Select((l, i) => l + endings[i]));
}
