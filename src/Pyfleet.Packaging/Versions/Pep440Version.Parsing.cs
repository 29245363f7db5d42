namespace Pyfleet.Packaging.Versions;

/// <summary>
/// Hand-written parser equivalent to packaging 26.x <c>VERSION_PATTERN</c> (possessive groups, ASCII letters,
/// IGNORECASE, surrounding <c>\s*</c>): every optional group is matched greedily and never given back, so a
/// single left-to-right scan decides validity. No Regex and no allocation beyond the result.
/// Spec: https://packaging.python.org/en/latest/specifications/version-specifiers/#appendix-parsing-version-strings-with-regular-expressions
/// </summary>
public sealed partial class Pep440Version
{
    /// <summary>Parses a span without throwing.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pep440Version? version)
    {
        version = null;
        var s = PythonText.Trim(text);
        if (s.IsEmpty)
        {
            return false;
        }

        var p = 0;
        if (s[0] is 'v' or 'V')
        {
            p = 1;
        }

        // Epoch: digits followed by '!'; otherwise the digits start the release.
        var epoch = VersionNumber.Zero;
        var digits = CountDigits(s, p);
        if (digits == 0)
        {
            return false;
        }

        if (p + digits < s.Length && s[p + digits] == '!')
        {
            epoch = VersionNumber.Parse(s.Slice(p, digits));
            p += digits + 1;
            if (CountDigits(s, p) == 0)
            {
                return false;
            }
        }

        var release = ParseRelease(s, ref p);

        var preKind = PreNone;
        var pre = VersionNumber.Zero;
        var hasPost = false;
        var post = VersionNumber.Zero;
        var hasDev = false;
        var dev = VersionNumber.Zero;

        if (p < s.Length)
        {
            TryParsePre(s, ref p, ref preKind, ref pre);
            hasPost = TryParsePost(s, ref p, ref post);
            hasDev = TryParseDev(s, ref p, ref dev);
        }

        string? local = null;
        if (p < s.Length)
        {
            if (s[p] != '+' || !TryParseLocal(s[(p + 1)..], out local, out var consumed))
            {
                return false;
            }

            p += 1 + consumed;
        }

        if (p != s.Length)
        {
            return false;
        }

        version = new Pep440Version(epoch, release, preKind, pre, hasPost, post, hasDev, dev, local);
        return true;
    }

    internal static int CountDigits(ReadOnlySpan<char> s, int p)
    {
        var n = 0;
        while (p + n < s.Length && char.IsAsciiDigit(s[p + n]))
        {
            n++;
        }

        return n;
    }

    // release = [0-9]+ (\.[0-9]+)*+  — a '.' is taken only when a digit follows it.
    private static VersionNumber[] ParseRelease(ReadOnlySpan<char> s, ref int p)
    {
        var count = 1;
        var end = p + CountDigits(s, p);
        while (end + 1 < s.Length && s[end] == '.' && char.IsAsciiDigit(s[end + 1]))
        {
            count++;
            end += 1 + CountDigits(s, end + 1);
        }

        var release = new VersionNumber[count];
        for (var i = 0; i < count; i++)
        {
            var n = CountDigits(s, p);
            release[i] = VersionNumber.Parse(s.Slice(p, n));
            p += n + 1;
        }

        p--;
        return release;
    }

    private static bool IsSeparator(char c) => c is '.' or '_' or '-';

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, int p, string word)
    {
        if (s.Length - p < word.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if ((s[p + i] | 0x20) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    private static VersionNumber OptionalNumber(ReadOnlySpan<char> s, ref int p)
    {
        var n = CountDigits(s, p);
        if (n == 0)
        {
            return VersionNumber.Zero;
        }

        var value = VersionNumber.Parse(s.Slice(p, n));
        p += n;
        return value;
    }

    private static void SkipSeparator(ReadOnlySpan<char> s, ref int p)
    {
        if (p < s.Length && IsSeparator(s[p]))
        {
            p++;
        }
    }

    // pre = [._-]? (alpha|a|beta|b|preview|pre|c|rc) [._-]? [0-9]*   (alternatives tried in this order)
    internal static void TryParsePre(ReadOnlySpan<char> s, ref int p, ref byte kind, ref VersionNumber number)
    {
        var q = p;
        SkipSeparator(s, ref q);
        int length;
        byte matched;
        if (StartsWithIgnoreCase(s, q, "alpha")) { matched = PreAlpha; length = 5; }
        else if (StartsWithIgnoreCase(s, q, "a")) { matched = PreAlpha; length = 1; }
        else if (StartsWithIgnoreCase(s, q, "beta")) { matched = PreBeta; length = 4; }
        else if (StartsWithIgnoreCase(s, q, "b")) { matched = PreBeta; length = 1; }
        else if (StartsWithIgnoreCase(s, q, "preview")) { matched = PreCandidate; length = 7; }
        else if (StartsWithIgnoreCase(s, q, "pre")) { matched = PreCandidate; length = 3; }
        else if (StartsWithIgnoreCase(s, q, "c")) { matched = PreCandidate; length = 1; }
        else if (StartsWithIgnoreCase(s, q, "rc")) { matched = PreCandidate; length = 2; }
        else { return; }

        q += length;
        SkipSeparator(s, ref q);
        number = OptionalNumber(s, ref q);
        kind = matched;
        p = q;
    }

    // post = -[0-9]+ | [._-]? (post|rev|r) [._-]? [0-9]*
    internal static bool TryParsePost(ReadOnlySpan<char> s, ref int p, ref VersionNumber number)
    {
        if (p + 1 < s.Length && s[p] == '-' && char.IsAsciiDigit(s[p + 1]))
        {
            p++;
            number = OptionalNumber(s, ref p);
            return true;
        }

        var q = p;
        SkipSeparator(s, ref q);
        int length;
        if (StartsWithIgnoreCase(s, q, "post")) { length = 4; }
        else if (StartsWithIgnoreCase(s, q, "rev")) { length = 3; }
        else if (StartsWithIgnoreCase(s, q, "r")) { length = 1; }
        else { return false; }

        q += length;
        SkipSeparator(s, ref q);
        number = OptionalNumber(s, ref q);
        p = q;
        return true;
    }

    // dev = [._-]? dev [._-]? [0-9]*
    internal static bool TryParseDev(ReadOnlySpan<char> s, ref int p, ref VersionNumber number)
    {
        var q = p;
        SkipSeparator(s, ref q);
        if (!StartsWithIgnoreCase(s, q, "dev"))
        {
            return false;
        }

        q += 3;
        SkipSeparator(s, ref q);
        number = OptionalNumber(s, ref q);
        p = q;
        return true;
    }

    // local = [a-z0-9]+ ([._-][a-z0-9]+)*  — canonical form: '.' separators, lowercase, numeric segments as ints.
    internal static bool TryParseLocal(ReadOnlySpan<char> s, out string? local, out int consumed)
    {
        local = null;
        consumed = 0;
        var end = 0;
        while (true)
        {
            var start = end;
            while (end < s.Length && char.IsAsciiLetterOrDigit(s[end]))
            {
                end++;
            }

            if (end == start)
            {
                // An empty segment: either "+" alone or a separator not followed by a segment.
                if (start == 0)
                {
                    return false;
                }

                end = start - 1;
                break;
            }

            if (end < s.Length && IsSeparator(s[end]))
            {
                end++;
                continue;
            }

            break;
        }

        consumed = end;
        local = CanonicalLocal(s[..end]);
        return true;
    }

    private static string CanonicalLocal(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        var segmentStart = 0;
        while (segmentStart <= raw.Length)
        {
            var segmentEnd = segmentStart;
            while (segmentEnd < raw.Length && !IsSeparator(raw[segmentEnd]))
            {
                segmentEnd++;
            }

            var segment = raw[segmentStart..segmentEnd];
            if (length > 0)
            {
                buffer[length++] = '.';
            }

            if (IsAllDigits(segment))
            {
                var z = 0;
                while (z < segment.Length - 1 && segment[z] == '0')
                {
                    z++;
                }

                segment[z..].CopyTo(buffer[length..]);
                length += segment.Length - z;
            }
            else
            {
                foreach (var c in segment)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }

            segmentStart = segmentEnd + 1;
        }

        return new string(buffer[..length]);
    }

    internal static bool IsAllDigits(ReadOnlySpan<char> segment)
    {
        foreach (var c in segment)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
