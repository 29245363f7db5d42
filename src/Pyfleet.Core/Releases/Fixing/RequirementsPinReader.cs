using System.Text.RegularExpressions;
using Pyfleet.Core.Errors;
using Pyfleet.Packaging.Requirements;
using Pyfleet.Packaging.Specifiers;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>
/// Reads a pip requirements file completely enough to edit its pins safely: continuation joining, comment
/// stripping, option lines and per-requirement options as pip's <c>req_file.py</c> does (FORMATS §3.1–3.4).
/// Anything it does not understand — an unknown option, an unparsable requirement, a <c>--hash</c> with a bad
/// algorithm — makes it refuse the whole file with the file and line, so <c>fix</c> never half-edits a file.
/// </summary>
public static partial class RequirementsPinReader
{
    // Options pip accepts on their own line (FORMATS §3.3), with whether they take a value.
    private static readonly Dictionary<string, bool> _lineOptions = new(StringComparer.Ordinal)
    {
        ["-r"] = true,
        ["--requirement"] = true,
        ["-c"] = true,
        ["--constraint"] = true,
        ["-e"] = true,
        ["--editable"] = true,
        ["-i"] = true,
        ["--index-url"] = true,
        ["--pypi-url"] = true,
        ["--extra-index-url"] = true,
        ["--no-index"] = false,
        ["-f"] = true,
        ["--find-links"] = true,
        ["--no-binary"] = true,
        ["--only-binary"] = true,
        ["--prefer-binary"] = false,
        ["--require-hashes"] = false,
        ["--no-require-hashes"] = false,
        ["--pre"] = false,
        ["--all-releases"] = true,
        ["--only-final"] = true,
        ["--trusted-host"] = true,
        ["--use-feature"] = true,
    };

    /// <summary>Reads <paramref name="text"/> (the contents of <paramref name="path"/>).</summary>
    public static PinnedFile Read(string path, string text)
    {
        var (lines, endings) = PinnedFile.SplitLines(text);
        var pins = new List<PinLocation>();
        var i = 0;
        while (i < lines.Count)
        {
            var first = i;
            var pieces = new List<string>();
            // Join continuations; a comment line never continues and ends a pending continuation.
            while (true)
            {
                var line = lines[i];
                var isComment = line.TrimStart().StartsWith('#'); // pip: COMMENT_RE.match, i.e. at the line start
                if (!isComment && line.EndsWith('\\') && i + 1 < lines.Count)
                {
                    pieces.Add(line[..^1]);
                    i++;
                    continue;
                }

                pieces.Add(isComment && pieces.Count > 0 ? "" : line);
                break;
            }

            var last = i;
            i++;
            var logical = CommentRegex().Replace(string.Concat(pieces), "").Trim();
            if (logical.Length == 0)
            {
                continue;
            }

            var pin = ReadLogicalLine(path, logical, first + 1);
            if (pin is not null)
            {
                var (line, column) = Locate(lines, first, pin.Value.VersionMarker, pin.Value.Version);
                if (line < 0)
                {
                    throw new PyfleetException($"cannot locate the version of '{pin.Value.Name}' for an in-place edit", path, first + 1);
                }

                pins.Add(new PinLocation(pin.Value.Name, pin.Value.Version, line, column, last, pin.Value.HasHashes));
            }
        }

        return new PinnedFile(path, lines, endings, pins, IsBuildout: false);
    }

    private static (string Name, string Version, string VersionMarker, bool HasHashes)? ReadLogicalLine(string path, string logical, int lineNumber)
    {
        var tokens = logical.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens[0].StartsWith('-'))
        {
            var option = tokens[0].Split('=', 2)[0];
            if (!_lineOptions.ContainsKey(option) && !(option.StartsWith("-r") || option.StartsWith("-c") || option.StartsWith("-e") || option.StartsWith("-i") || option.StartsWith("-f")))
            {
                throw new PyfleetException($"unknown option '{option}'", path, lineNumber);
            }

            return null;
        }

        var optionStart = Array.FindIndex(tokens, t => t.StartsWith('-'));
        var requirementText = string.Join(' ', optionStart < 0 ? tokens : tokens[..optionStart]);
        var hasHashes = false;
        if (optionStart >= 0)
        {
            for (var t = optionStart; t < tokens.Length; t++)
            {
                var token = tokens[t];
                if (token.StartsWith("--hash", StringComparison.Ordinal))
                {
                    var value = token.Contains('=') ? token[(token.IndexOf('=') + 1)..] : t + 1 < tokens.Length ? tokens[++t] : "";
                    if (!HashRegex().IsMatch(value))
                    {
                        throw new PyfleetException($"invalid --hash '{value}' (expected sha256|sha384|sha512:hexdigest)", path, lineNumber);
                    }

                    hasHashes = true;
                }
                else if (token is "-C" or "--config-settings")
                {
                    t++;
                }
                else if (!token.StartsWith("--config-settings=", StringComparison.Ordinal))
                {
                    throw new PyfleetException($"unsupported option '{token}' on a requirement line", path, lineNumber);
                }
            }
        }

        // URL, path and VCS requirements are not version pins: left untouched.
        if (requirementText.Contains("://", StringComparison.Ordinal) || requirementText.StartsWith('.') || requirementText.StartsWith('/')
            || UrlRequirementRegex().IsMatch(requirementText))
        {
            return null;
        }

        // Full PEP 508 validation (name, extras, specifier, marker) by the Packaging parser.
        if (!Requirement.TryParse(requirementText, out var requirement, out var error))
        {
            throw new PyfleetException($"cannot parse requirement '{requirementText}': {error}", path, lineNumber);
        }

        var set = requirement.Specifier;
        if (requirement.Url is not null || !set.IsPinned || set.Specifiers[0].Operator != SpecifierOperator.Equal)
        {
            return null; // a range, no specifier, or === (arbitrary equality is left alone)
        }

        return (requirement.NormalizedName, set.Specifiers[0].VersionText, "==", hasHashes);
    }

    /// <summary>Finds the version token after <c>==</c> in the physical lines of the logical line.</summary>
    private static (int Line, int Column) Locate(IReadOnlyList<string> lines, int first, string marker, string version)
    {
        for (var l = first; l < lines.Count; l++)
        {
            var at = lines[l].IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var column = at + marker.Length;
                while (column < lines[l].Length && lines[l][column] == ' ')
                {
                    column++;
                }

                return string.CompareOrdinal(lines[l], column, version, 0, version.Length) == 0 ? (l, column) : (-1, -1);
            }

            if (!lines[l].EndsWith('\\'))
            {
                break;
            }
        }

        return (-1, -1);
    }

    [GeneratedRegex(@"(^|\s+)#.*$")]
    private static partial Regex CommentRegex();

    [GeneratedRegex(@"^(sha256|sha384|sha512):[0-9a-fA-F]+$")]
    private static partial Regex HashRegex();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@")]
    private static partial Regex UrlRequirementRegex();
}
