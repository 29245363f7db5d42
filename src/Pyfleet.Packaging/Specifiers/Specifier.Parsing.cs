using Pyfleet.Packaging.Versions;

namespace Pyfleet.Packaging.Specifiers;

/// <summary>
/// Parsing equivalent to packaging 26.x <c>Specifier._regex</c> (fullmatch, surrounding <c>\s*</c>):
/// <c>===</c> takes any text without whitespace, <c>;</c> or <c>)</c>; <c>==</c>/<c>!=</c> allow <c>.*</c> after a
/// bare release or a local label; <c>~=</c> needs two release components; the others allow neither.
/// </summary>
public sealed partial class Specifier
{
    /// <summary>
    /// Length of the longest specifier token at the start of <paramref name="s"/> (the requirement tokenizer's
    /// <c>SPECIFIER</c> rule, a prefix match), or 0.
    /// </summary>
    internal static int MatchPrefix(ReadOnlySpan<char> s)
    {
        if (!TryReadOperator(s, out var op, out var opLength))
        {
            return 0;
        }

        var p = opLength;
        while (p < s.Length && PythonText.IsSpace(s[p]))
        {
            p++;
        }

        var rest = s[p..];
        if (op == SpecifierOperator.ArbitraryEqual)
        {
            var n = 0;
            while (n < rest.Length && !PythonText.IsSpace(rest[n]) && rest[n] is not (';' or ')'))
            {
                n++;
            }

            return p + n;
        }

        var length = ScanVersion(op, rest);
        if (length == 0 && op is SpecifierOperator.LessThanOrEqual or SpecifierOperator.GreaterThanOrEqual)
        {
            return 0;
        }

        return length == 0 ? 0 : p + length;
    }

    private static int ScanVersion(SpecifierOperator op, ReadOnlySpan<char> s) => op switch
    {
        SpecifierOperator.Equal or SpecifierOperator.NotEqual => Pep440Version.ScanSpecifierVersion(s, true, 1),
        SpecifierOperator.Compatible => Pep440Version.ScanSpecifierVersion(s, false, 2),
        _ => Pep440Version.ScanSpecifierVersion(s, false, 1),
    };

    private static bool TryReadOperator(ReadOnlySpan<char> s, out SpecifierOperator op, out int length)
    {
        (op, length) = s switch
        {
            ['=', '=', '=', ..] => (SpecifierOperator.ArbitraryEqual, 3),
            ['=', '=', ..] => (SpecifierOperator.Equal, 2),
            ['!', '=', ..] => (SpecifierOperator.NotEqual, 2),
            ['~', '=', ..] => (SpecifierOperator.Compatible, 2),
            ['<', '=', ..] => (SpecifierOperator.LessThanOrEqual, 2),
            ['>', '=', ..] => (SpecifierOperator.GreaterThanOrEqual, 2),
            ['<', ..] => (SpecifierOperator.LessThan, 1),
            ['>', ..] => (SpecifierOperator.GreaterThan, 1),
            _ => (SpecifierOperator.ArbitraryEqual, 0),
        };
        return length > 0;
    }

    private static bool TryParseCore(
        ReadOnlySpan<char> text,
        out SpecifierOperator op,
        out string versionText,
        out Pep440Version? version,
        out bool wildcard)
    {
        versionText = string.Empty;
        version = null;
        wildcard = false;
        var s = PythonText.Trim(text);
        if (!TryReadOperator(s, out op, out var opLength))
        {
            return false;
        }

        var rest = PythonText.Trim(s[opLength..]);
        if (op == SpecifierOperator.ArbitraryEqual)
        {
            if (PythonText.ContainsSpace(rest) || rest.IndexOfAny(';', ')') >= 0)
            {
                return false;
            }

            versionText = rest.ToString();
            Pep440Version.TryParse(rest, out version);
            return true;
        }

        // "<=1.0" must not be read as "<" followed by "=1.0": the two-character operators were tried first,
        // and a version never starts with '=', so a failed scan here is final.
        if (ScanVersion(op, rest) != rest.Length || rest.IsEmpty)
        {
            return false;
        }

        wildcard = rest.EndsWith(".*");
        var versionPart = wildcard ? rest[..^2] : rest;
        if (!Pep440Version.TryParse(versionPart, out version))
        {
            return false;
        }

        versionText = rest.ToString();
        return true;
    }
}
