using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pyfleet.Packaging.Debian;

/// <summary>A Debian package version <c>[epoch:]upstream[-revision]</c>, ordered exactly as dpkg orders it.</summary>
/// <remarks>
/// Parsing follows dpkg's <c>parseversion</c> (epoch before the first <c>:</c>, revision after the last <c>-</c>);
/// ordering follows <c>verrevcmp</c> (Debian Policy §5.6.12, FORMATS.md §9.2).
/// </remarks>
public sealed class DebianVersion : IComparable<DebianVersion>, IEquatable<DebianVersion>
{
    private readonly string _text;

    private DebianVersion(string text, int epoch, string upstream, string revision)
    {
        _text = text;
        Epoch = epoch;
        Upstream = upstream;
        Revision = revision;
    }

    /// <summary>Parses a Debian version; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static DebianVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version, out var error)
            ? version
            : throw new FormatException($"Invalid Debian version '{text}': {error}.");
    }

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DebianVersion? version) =>
        TryParse(text, out version, out _);

    /// <summary>Parses without throwing; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out DebianVersion? version, out string? error)
    {
        version = null;
        if (text is null)
        {
            error = "version string is null";
            return false;
        }

        var trimmed = text.Trim(' ', '\t', '\n', '\r', '\f', '\v');
        if (trimmed.Length == 0)
        {
            error = "version string is empty";
            return false;
        }

        if (trimmed.AsSpan().IndexOfAny(" \t\n\r\f\v") >= 0)
        {
            error = "version string has embedded spaces";
            return false;
        }

        var epoch = 0;
        var rest = trimmed;
        var colon = trimmed.IndexOf(':');
        if (colon >= 0)
        {
            var epochText = trimmed[..colon];
            if (epochText.Length == 0)
            {
                error = "epoch in version is empty";
                return false;
            }

            if (!int.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out epoch))
            {
                error = "epoch in version is not a number or is too big";
                return false;
            }

            rest = trimmed[(colon + 1)..];
        }

        var dash = rest.LastIndexOf('-');
        var upstream = dash >= 0 ? rest[..dash] : rest;
        var revision = dash >= 0 ? rest[(dash + 1)..] : string.Empty;
        if (upstream.Length == 0)
        {
            error = "upstream version is empty";
            return false;
        }

        if (dash >= 0 && revision.Length == 0)
        {
            error = "revision number is empty";
            return false;
        }

        foreach (var c in upstream)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '-' or '~' or ':'))
            {
                error = $"invalid character '{c}' in version number";
                return false;
            }
        }

        foreach (var c in revision)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~'))
            {
                error = $"invalid character '{c}' in revision number";
                return false;
            }
        }

        error = null;
        version = new DebianVersion(trimmed, epoch, upstream, revision);
        return true;
    }

    /// <summary>The epoch before the first <c>:</c> (0 when absent).</summary>
    public int Epoch { get; }
    /// <summary>The upstream version (between the epoch and the last <c>-</c>).</summary>
    public string Upstream { get; }

    /// <summary>The Debian revision, or empty when the version has none (which compares equal to <c>0</c>).</summary>
    public string Revision { get; }

    /// <summary>dpkg's comparison of two version strings (<c>dpkg --compare-versions</c>).</summary>
    public static int Compare(string left, string right) => Parse(left).CompareTo(Parse(right));

    /// <summary>dpkg ordering: epoch, then upstream and revision with <c>verrevcmp</c>.</summary>
    public int CompareTo(DebianVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0)
        {
            return c;
        }

        c = VerRevCmp(Upstream, other.Upstream);
        return c != 0 ? c : VerRevCmp(Revision, other.Revision);
    }

    /// <summary>Equal under dpkg ordering (<c>1.0</c> equals <c>1.0-0</c> and <c>1.00</c>).</summary>
    public bool Equals(DebianVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is DebianVersion v && Equals(v);

    // Equal versions differ only in leading zeros of digit runs ("1.0" == "1.00", "a" == "a0", "" == "0"),
    // so hashing the text with those zeros removed keeps hash consistent with CompareTo.
    public override int GetHashCode() => HashCode.Combine(Epoch, NormalizeDigitRuns(Upstream), NormalizeDigitRuns(Revision));

    /// <summary>The version as written (surrounding whitespace removed).</summary>
    public override string ToString() => _text;

    public static bool operator ==(DebianVersion? left, DebianVersion? right) => left is null ? right is null : left.Equals(right);
    public static bool operator !=(DebianVersion? left, DebianVersion? right) => !(left == right);
    public static bool operator <(DebianVersion left, DebianVersion right) => left.CompareTo(right) < 0;
    public static bool operator <=(DebianVersion left, DebianVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >(DebianVersion left, DebianVersion right) => left.CompareTo(right) > 0;
    public static bool operator >=(DebianVersion left, DebianVersion right) => left.CompareTo(right) >= 0;

    // dpkg lib/dpkg/version.c order(): digits 0 (never reached), letters their code, '~' -1, end 0, others code + 256.
    private static int Order(char c) => c switch
    {
        '\0' => 0,
        '~' => -1,
        _ when char.IsAsciiDigit(c) => 0,
        _ when char.IsAsciiLetter(c) => c,
        _ => c + 256,
    };

    private static int VerRevCmp(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var firstDiff = 0;
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ac = Order(i < a.Length ? a[i] : '\0');
                var bc = Order(j < b.Length ? b[j] : '\0');
                if (ac != bc)
                {
                    return Math.Sign(ac - bc);
                }

                i++;
                j++;
            }

            while (i < a.Length && a[i] == '0')
            {
                i++;
            }

            while (j < b.Length && b[j] == '0')
            {
                j++;
            }

            while (i < a.Length && j < b.Length && char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                if (firstDiff == 0)
                {
                    firstDiff = a[i] - b[j];
                }

                i++;
                j++;
            }

            if (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                return 1;
            }

            if (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                return -1;
            }

            if (firstDiff != 0)
            {
                return Math.Sign(firstDiff);
            }
        }

        return 0;
    }

    private static string NormalizeDigitRuns(string s)
    {
        var builder = new System.Text.StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                builder.Append(s[i++]);
                continue;
            }

            while (i < s.Length && s[i] == '0')
            {
                i++;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                builder.Append(s[i++]);
            }
        }

        return builder.ToString();
    }
}
