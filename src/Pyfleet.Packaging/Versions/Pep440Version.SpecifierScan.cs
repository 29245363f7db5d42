namespace Pyfleet.Packaging.Versions;

/// <summary>
/// The version part of packaging's specifier regex, as a greedy prefix scan shared by <c>Specifier</c> parsing and
/// the requirement tokenizer.
/// </summary>
public sealed partial class Pep440Version
{
    /// <summary>
    /// Length of the longest prefix of <paramref name="s"/> that the version part of packaging's specifier regex
    /// matches (0 when none): <c>v? (N!)? N(.N)* pre? post? dev?</c>, plus <c>.*</c> or a local label when
    /// <paramref name="allowLocalAndWildcard"/>, with at least <paramref name="minReleaseComponents"/> components.
    /// </summary>
    internal static int ScanSpecifierVersion(ReadOnlySpan<char> s, bool allowLocalAndWildcard, int minReleaseComponents)
    {
        var p = 0;
        if (p < s.Length && s[p] is 'v' or 'V')
        {
            p++;
        }

        var digits = CountDigits(s, p);
        if (digits == 0)
        {
            return 0;
        }

        if (p + digits < s.Length && s[p + digits] == '!' && CountDigits(s, p + digits + 1) > 0)
        {
            p += digits + 1;
        }

        var count = 1;
        p += CountDigits(s, p);
        while (p + 1 < s.Length && s[p] == '.' && char.IsAsciiDigit(s[p + 1]))
        {
            count++;
            p += 1 + CountDigits(s, p + 1);
        }

        if (count < minReleaseComponents)
        {
            return 0;
        }

        if (allowLocalAndWildcard && p + 1 < s.Length && s[p] == '.' && s[p + 1] == '*')
        {
            return p + 2;
        }

        byte kind = 0;
        var number = VersionNumber.Zero;
        TryParsePre(s, ref p, ref kind, ref number);
        TryParsePost(s, ref p, ref number);
        TryParseDev(s, ref p, ref number);
        if (allowLocalAndWildcard && p + 1 < s.Length && s[p] == '+' && char.IsAsciiLetterOrDigit(s[p + 1])
            && TryParseLocal(s[(p + 1)..], out _, out var consumed))
        {
            p += 1 + consumed;
        }

        return p;
    }
}
