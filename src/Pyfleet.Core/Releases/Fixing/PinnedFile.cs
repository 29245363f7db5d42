namespace Pyfleet.Core.Releases.Fixing;

/// <summary>A fully parsed manifest: its physical lines (with their endings) and the pins found in it.</summary>
public sealed record PinnedFile(string Path, IReadOnlyList<string> Lines, IReadOnlyList<string> LineEndings, IReadOnlyList<PinLocation> Pins, bool IsBuildout)
{
    /// <summary>Splits text into lines and their endings (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, or "" for the last), so a rewrite keeps them byte for byte.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="pythonSplitLines">
    /// Also break where Python's <c>str.splitlines()</c> does (<c>\v</c>, <c>\f</c>, <c>\x1c</c>–<c>\x1e</c>, <c>\x85</c>,
    /// U+2028, U+2029), as pip does for requirements files, so line numbers agree with the Manifests parser.
    /// </param>
    public static (List<string> Lines, List<string> Endings) SplitLines(string text, bool pythonSplitLines = false)
    {
        var lines = new List<string>();
        var endings = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' || (pythonSplitLines && text[i] is '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029'))
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
