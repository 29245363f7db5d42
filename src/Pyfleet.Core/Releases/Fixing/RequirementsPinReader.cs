using System.Text;
using Pyfleet.Core.Errors;
using Pyfleet.Core.Manifests;
using Pyfleet.Core.Manifests.Requirements;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>
/// Finds the exact pins of a pip requirements file on its physical lines so <c>fix</c> can edit them in place.
/// What the file means — which lines are requirements, their names, specifiers and <c>--hash</c> options, and
/// whether pip would accept the file at all — comes from the Manifests <see cref="RequirementsParser"/> (pip's
/// <c>req_file.py</c>, FORMATS §3). This class only maps each parsed pin of the top-level file back to the
/// <c>==version</c> token and the continuation lines it sits on. Any error diagnostic (in the file or in one it
/// includes) refuses the whole file with its file and line, so <c>fix</c> never edits a file pip would reject.
/// </summary>
public static class RequirementsPinReader
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="path"/> (and its includes) and locates the pins of <paramref name="path"/> itself.</summary>
    /// <param name="path">The requirements file.</param>
    /// <param name="options">Environment lookup for <c>${VAR}</c>, as pip does.</param>
    /// <param name="text">The decoded text of <paramref name="path"/> (see <see cref="Decode"/>).</param>
    public static RequirementsPins Read(string path, string text, ManifestReadOptions? options = null)
    {
        var document = RequirementsParser.Parse(path, options);
        return new RequirementsPins(Locate(document, text), document);
    }

    /// <summary>
    /// Decodes a file for an in-place edit: strict UTF-8 with an optional BOM (reported so the rewrite keeps it).
    /// Other encodings are refused: re-encoding them could change bytes outside the edited tokens.
    /// </summary>
    public static (string Text, bool HasBom) Decode(string path, byte[] bytes)
    {
        var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        try
        {
            return (_strictUtf8.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0)), bom);
        }
        catch (DecoderFallbackException)
        {
            throw new PyfleetException("not valid UTF-8: fix only rewrites UTF-8 files", path);
        }
    }

    /// <summary>
    /// The pins of <paramref name="document"/>'s top-level file located in <paramref name="text"/> (that file's
    /// contents). Throws on the document's first error diagnostic.
    /// </summary>
    public static PinnedFile Locate(RequirementsDocument document, string text)
    {
        if (document.Diagnostics.FirstOrDefault(d => d.Severity == ManifestSeverity.Error) is { } error)
        {
            throw new PyfleetException(error.Message, error.Path, error.Line);
        }

        // Same line breaks as the parser (Python's str.splitlines), so its 1-based lines index these lines.
        var (lines, endings) = PinnedFile.SplitLines(text, pythonSplitLines: true);
        var pins = new List<PinLocation>();
        foreach (var entry in document.Entries)
        {
            if (entry.Path != document.Path || entry.IsConstraint || entry.IsEditable || entry.Url is not null
                || entry.NormalizedName is null || entry.PinnedVersion is null || entry.Specifier is null
                || entry.Specifier.StartsWith("===", StringComparison.Ordinal))
            {
                continue; // a range, unpinned, ===, URL/path/VCS, or a line of an included file: not edited
            }

            var first = entry.Line - 1;
            var last = LastPhysicalLine(lines, first);
            var (line, column) = FindVersion(lines, first, last, entry.PinnedVersion);
            if (line < 0)
            {
                // e.g. the version comes from a ${VAR}: there is no literal token to rewrite.
                throw new PyfleetException($"cannot locate the version '{entry.PinnedVersion}' of '{entry.Name}' for an in-place edit", document.Path, entry.Line);
            }

            pins.Add(new PinLocation(entry.NormalizedName, entry.PinnedVersion, line, column, last, entry.Hashes.Count > 0));
        }

        return new PinnedFile(document.Path, lines, endings, pins, IsBuildout: false);
    }

    /// <summary>
    /// pip's <c>join_lines</c>: a line ending in <c>\</c> continues onto the next unless it is a comment line
    /// (<c>COMMENT_RE</c> matching at the line start), which ends the logical line.
    /// </summary>
    private static int LastPhysicalLine(IReadOnlyList<string> lines, int first)
    {
        var l = first;
        while (l < lines.Count - 1 && lines[l].EndsWith('\\') && (l == first || !lines[l].TrimStart().StartsWith('#')))
        {
            l++;
        }

        return l;
    }

    /// <summary>The <c>==</c> followed (after optional spaces) by <paramref name="version"/> within the logical line.</summary>
    private static (int Line, int Column) FindVersion(IReadOnlyList<string> lines, int first, int last, string version)
    {
        for (var l = first; l <= last && l < lines.Count; l++)
        {
            var at = lines[l].IndexOf("==", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var column = at + 2;
            while (column < lines[l].Length && lines[l][column] is ' ' or '\t')
            {
                column++;
            }

            var end = column + version.Length;
            var endsToken = end == lines[l].Length || lines[l][end] is ' ' or '\t' or ';' or '\\' or '#' or ',';
            return string.CompareOrdinal(lines[l], column, version, 0, version.Length) == 0 && endsToken ? (l, column) : (-1, -1);
        }

        return (-1, -1);
    }
}
