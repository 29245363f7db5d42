using System.Text;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>
/// pip's <c>req_file.preprocess</c> as a stream: <c>join_lines</c>, <c>ignore_comments</c> and
/// <c>expand_env_variables</c> (FORMATS.md §3.1 steps 3–5; pip <c>src/pip/_internal/req/req_file.py</c>).
/// </summary>
internal static partial class LogicalLineReader
{
    /// <summary>Yields the non-blank logical lines of <paramref name="reader"/>.</summary>
    public static IEnumerable<LogicalLine> Read(TextReader reader, Func<string, string?> getEnvironment, CancellationToken cancellationToken)
    {
        var physical = new PhysicalLineReader(reader);
        foreach (var (number, joined) in Join(physical, cancellationToken))
        {
            // ignore_comments: COMMENT_RE.sub("", line).strip(); whitespace per Python str.strip().
            var text = StripComment(joined).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            yield return new LogicalLine(number, Expand(text, getEnvironment));
        }
    }

    /// <summary>True when pip's <c>COMMENT_RE.match</c> matches (a comment at the start of the line).</summary>
    public static bool IsCommentLine(string line) => CommentLineRegex().IsMatch(line);

    // join_lines: a line ending in '\' continues, unless it is a comment line; a comment line ends a pending
    // continuation (it is prefixed with a space so the later comment stripping removes it). Pieces are
    // stripped of '\' at both ends and concatenated; the joined line keeps the first line's number.
    private static IEnumerable<(int Number, string Text)> Join(PhysicalLineReader physical, CancellationToken cancellationToken)
    {
        var number = 0;
        var primary = 0;
        StringBuilder? pending = null;
        for (var line = physical.ReadLine(); line is not null; line = physical.ReadLine())
        {
            number++;
            if ((number & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var isComment = IsCommentLine(line);
            if (!line.EndsWith('\\') || isComment)
            {
                if (isComment)
                {
                    line = " " + line;
                }

                if (pending is not null)
                {
                    pending.Append(line);
                    yield return (primary, pending.ToString());
                    pending = null;
                }
                else
                {
                    yield return (number, line);
                }
            }
            else
            {
                if (pending is null)
                {
                    primary = number;
                    pending = new StringBuilder();
                }

                pending.Append(line.AsSpan().Trim('\\'));
            }
        }

        if (pending is not null)
        {
            yield return (primary, pending.ToString());
        }
    }

    // COMMENT_RE = (^|\s+)#.*$ removes from the whitespace run before the first '#' that starts the line or
    // follows whitespace. Done by hand: the regex backtracks over every whitespace run, quadratic on a line of
    // 10^6 spaces (issue 17).
    internal static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        while (hash > 0 && !char.IsWhiteSpace(line[hash - 1]))
        {
            hash = line.IndexOf('#', hash + 1);
        }

        if (hash < 0)
        {
            return line;
        }

        var start = hash;
        while (start > 0 && char.IsWhiteSpace(line[start - 1]))
        {
            start--;
        }

        return line[..start];
    }

    // expand_env_variables: only ${NAME} with NAME in [A-Z0-9_]+; unset or empty values leave the text as is.
    private static string Expand(string line, Func<string, string?> getEnvironment)
    {
        if (!line.Contains("${", StringComparison.Ordinal))
        {
            return line;
        }

        foreach (Match match in EnvironmentVariableRegex().Matches(line))
        {
            var value = getEnvironment(match.Groups["name"].Value);
            if (!string.IsNullOrEmpty(value))
            {
                line = line.Replace(match.Value, value, StringComparison.Ordinal);
            }
        }

        return line;
    }

    [GeneratedRegex(@"\A\s*#", RegexOptions.CultureInvariant)]
    private static partial Regex CommentLineRegex();

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentVariableRegex();
}
