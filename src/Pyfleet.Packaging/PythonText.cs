namespace Pyfleet.Packaging;

/// <summary>
/// Python's notion of whitespace (<c>str.isspace</c>, which is also what <c>\s</c> matches in a str regex):
/// packaging strips versions and specifiers with it, so <c>"\u00a01.0"</c> is a valid version there too.
/// </summary>
internal static class PythonText
{
    public static bool IsSpace(char c) => c switch
    {
        ' ' or '\t' or '\n' or '\v' or '\f' or '\r' => true,
        '\x1c' or '\x1d' or '\x1e' or '\x1f' or '\x85' or '\xa0' => true,
        '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        >= '\u2000' and <= '\u200a' => true,
        _ => false,
    };

    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start]))
        {
            start++;
        }

        var end = s.Length;
        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    public static bool ContainsSpace(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (IsSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
