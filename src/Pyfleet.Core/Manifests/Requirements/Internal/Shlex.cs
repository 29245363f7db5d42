using System.Text;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>
/// Python's <c>shlex.split(s)</c> (POSIX mode, no comments): quotes <c>'</c> and <c>"</c>, backslash escapes
/// outside quotes, and inside double quotes only before <c>"</c> or <c>\</c>. pip splits the option part of
/// a requirements line with it (<c>req_file.get_line_parser</c>).
/// </summary>
internal static class Shlex
{
    /// <summary>Splits <paramref name="text"/>; returns false with pip's message when a quote or escape is unclosed.</summary>
    public static bool TrySplit(string text, out List<string> tokens, out string? error)
    {
        tokens = [];
        error = null;
        var token = new StringBuilder();
        var inToken = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (inToken)
                {
                    tokens.Add(token.ToString());
                    token.Clear();
                    inToken = false;
                }

                continue;
            }

            inToken = true;
            if (c == '\\')
            {
                if (i >= text.Length)
                {
                    error = "No escaped character";
                    return false;
                }

                token.Append(text[i++]);
            }
            else if (c is '\'' or '"')
            {
                var close = c;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        error = "No closing quotation";
                        return false;
                    }

                    var q = text[i++];
                    if (q == close)
                    {
                        break;
                    }

                    if (close == '"' && q == '\\' && i < text.Length && text[i] is '"' or '\\')
                    {
                        q = text[i++];
                    }

                    token.Append(q);
                }
            }
            else
            {
                token.Append(c);
            }
        }

        if (inToken)
        {
            tokens.Add(token.ToString());
        }

        return true;
    }
}
