using System.Globalization;
using System.Numerics;

namespace Pyfleet.Packaging.Versions;

/// <summary>
/// An unbounded non-negative decimal integer as PEP 440 uses them (<c>int()</c> semantics).
/// Values below 10^19 live in <see cref="Value"/>; larger ones keep their digits (leading zeros stripped),
/// so comparing never allocates and never overflows (FORMATS.md §1.1: date stamps exceed Int32).
/// </summary>
internal readonly struct VersionNumber : IEquatable<VersionNumber>
{
    private const int MaxSmallDigits = 19;

    /// <summary>The value when it fits (fewer than 20 significant digits).</summary>
    public readonly ulong Value;

    /// <summary>The significant digits when the value does not fit in <see cref="Value"/>; otherwise null.</summary>
    public readonly string? Digits;

    public VersionNumber(ulong value)
    {
        Value = value;
        Digits = null;
    }

    private VersionNumber(string digits)
    {
        Value = 0;
        Digits = digits;
    }

    public static VersionNumber Zero => default;

    public bool IsZero => Digits is null && Value == 0;

    /// <summary>Parses a run of ASCII digits (caller guarantees non-empty, digits only).</summary>
    public static VersionNumber Parse(ReadOnlySpan<char> digits)
    {
        var start = 0;
        while (start < digits.Length - 1 && digits[start] == '0')
        {
            start++;
        }

        var significant = digits[start..];
        if (significant.Length <= MaxSmallDigits)
        {
            ulong value = 0;
            foreach (var c in significant)
            {
                value = (value * 10) + (ulong)(c - '0');
            }

            return new VersionNumber(value);
        }

        return new VersionNumber(new string(significant));
    }

    public int CompareTo(in VersionNumber other)
    {
        if (Digits is null)
        {
            return other.Digits is null ? Value.CompareTo(other.Value) : -1;
        }

        if (other.Digits is null)
        {
            return 1;
        }

        var byLength = Digits.Length.CompareTo(other.Digits.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(Digits, other.Digits);
    }

    public bool Equals(VersionNumber other) => Value == other.Value && string.Equals(Digits, other.Digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is VersionNumber other && Equals(other);

    public override int GetHashCode() => Digits is null ? Value.GetHashCode() : StringComparer.Ordinal.GetHashCode(Digits);

    /// <summary>This number plus one.</summary>
    public VersionNumber Increment()
    {
        if (Digits is null && Value < 9_999_999_999_999_999_999UL)
        {
            return new VersionNumber(Value + 1);
        }

        var digits = (Digits ?? Value.ToString(CultureInfo.InvariantCulture)).ToCharArray();
        var i = digits.Length - 1;
        while (i >= 0 && digits[i] == '9')
        {
            digits[i] = '0';
            i--;
        }

        if (i >= 0)
        {
            digits[i]++;
            return new VersionNumber(new string(digits));
        }

        return new VersionNumber("1" + new string(digits));
    }

    /// <summary>The value clamped to <see cref="int.MaxValue"/>.</summary>
    public int ToSaturatedInt32() => Digits is null && Value <= int.MaxValue ? (int)Value : int.MaxValue;

    public BigInteger ToBigInteger() => Digits is null ? new BigInteger(Value) : BigInteger.Parse(Digits, CultureInfo.InvariantCulture);

    public override string ToString() => Digits ?? Value.ToString(CultureInfo.InvariantCulture);

    public bool TryFormat(Span<char> destination, out int written)
    {
        if (Digits is null)
        {
            return Value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }

        written = Digits.Length;
        return Digits.AsSpan().TryCopyTo(destination);
    }
}
