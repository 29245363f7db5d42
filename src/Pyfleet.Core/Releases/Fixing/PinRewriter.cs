using System.Text.RegularExpressions;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>
/// Applies <see cref="PinEdit"/>s to a <see cref="PinnedFile"/> in place: only the version token changes, and for
/// hashed requirements the <c>--hash</c> options are replaced keeping their layout (one per continuation line
/// with the original indentation, or inline). Everything else — comments, order, includes, markers, line
/// endings — is kept byte for byte.
/// </summary>
public static partial class PinRewriter
{
    /// <summary>The new text of <paramref name="file"/>.</summary>
    public static string Apply(PinnedFile file, IReadOnlyList<PinEdit> edits)
    {
        var byFirstLine = edits.ToDictionary(e => e.Pin.Line);
        var lines = new List<string>();
        var endings = new List<string>();
        var defaultEnding = file.LineEndings.FirstOrDefault(e => e.Length > 0) ?? "\n";
        for (var i = 0; i < file.Lines.Count; i++)
        {
            if (!byFirstLine.TryGetValue(i, out var edit))
            {
                lines.Add(file.Lines[i]);
                endings.Add(file.LineEndings[i]);
                continue;
            }

            var pin = edit.Pin;
            var line = file.Lines[i];
            var edited = line[..pin.Column] + edit.NewVersion + line[(pin.Column + pin.Version.Length)..];
            if (edit.Hashes is null || !pin.HasHashes)
            {
                lines.Add(edited);
                endings.Add(file.LineEndings[i]);
                continue;
            }

            // The requirement's physical lines are pin.Line .. pin.LastLine (the version sits on the first line
            // that holds "==", which the reader guarantees is within the block).
            var block = new List<string> { edited };
            block.AddRange(file.Lines.Skip(i + 1).Take(pin.LastLine - i));
            var lastEnding = file.LineEndings[pin.LastLine].Length > 0 ? file.LineEndings[pin.LastLine] : "";
            var (rewritten, ending) = RewriteHashes(block, edit.Hashes);
            for (var k = 0; k < rewritten.Count; k++)
            {
                lines.Add(rewritten[k]);
                endings.Add(k == rewritten.Count - 1 ? lastEnding : ending ?? defaultEnding);
            }

            i = pin.LastLine;
        }

        return file.Join(lines, endings);
    }

    // The hashes go where pip reads them: before the line's comment (pip strips "(^|\s+)#.*$" after joining the
    // continuation lines, so a hash written after "# images" would be part of the comment and never checked).
    private static (List<string> Lines, string? Ending) RewriteHashes(List<string> block, IReadOnlyList<string> hashes)
    {
        var (lastCode, comment) = SplitComment(block[^1]);
        block[^1] = lastCode;
        var hashOnly = block.Skip(1).FirstOrDefault(IsHashOnly);
        var indent = hashOnly is null ? null : hashOnly[..(hashOnly.Length - hashOnly.TrimStart().Length)];
        var kept = new List<string>();
        foreach (var line in block)
        {
            if (kept.Count > 0 && (IsHashOnly(line) || line.Trim().Length == 0))
            {
                continue;
            }

            kept.Add(HashTokenRegex().Replace(line, ""));
        }

        // Drop empty continuation leftovers and the trailing backslash of the new last line.
        while (kept.Count > 1 && kept[^1].Trim() is "" or "\\")
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var last = kept[^1].TrimEnd();
        if (last.EndsWith('\\'))
        {
            last = last[..^1].TrimEnd();
        }

        if (indent is null)
        {
            kept[^1] = last + " " + string.Join(' ', hashes.Select(h => "--hash=" + h)) + comment;
            return (kept, null);
        }

        kept[^1] = last + " \\";
        for (var h = 0; h < hashes.Count; h++)
        {
            kept.Add(indent + "--hash=" + hashes[h] + (h < hashes.Count - 1 ? " \\" : comment));
        }

        return (kept, null);
    }

    // pip's COMMENT_RE: a '#' at the line start or after whitespace starts a comment (kept with its leading spaces).
    private static (string Code, string Comment) SplitComment(string line)
    {
        var match = CommentRegex().Match(line);
        return match.Success && match.Index > 0 ? (line[..match.Index], line[match.Index..]) : (line, "");
    }

    private static bool IsHashOnly(string line) => HashOnlyRegex().IsMatch(line);

    [GeneratedRegex(@"^\s*(--hash[=\s]\S+\s*)+\\?\s*$")]
    private static partial Regex HashOnlyRegex();

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"\s*--hash[=\s]\S+")]
    private static partial Regex HashTokenRegex();
}
