namespace Pyfleet.Packaging.Names;

/// <summary>
/// PEP 503 project names: validation and normalisation.
/// Spec: https://packaging.python.org/en/latest/specifications/name-normalization/
/// </summary>
public static class PackageName
{
    /// <summary>
    /// Lowercases the name and collapses every run of <c>-</c>, <c>_</c> and <c>.</c> into one <c>-</c>
    /// (<c>FrIeNdLy-._.-bArD</c> becomes <c>friendly-bard</c>).
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Most names on disk are already normalised: no copy then.
        if (IsNormalized(name))
        {
            return name;
        }

        var buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        var pendingSeparator = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                pendingSeparator = true;
                continue;
            }

            if (pendingSeparator)
            {
                buffer[length++] = '-';
            }

            pendingSeparator = false;
            buffer[length++] = char.ToLowerInvariant(c);
        }

        if (pendingSeparator)
        {
            buffer[length++] = '-';
        }

        return new string(buffer[..length]);
    }

    /// <summary>True when <paramref name="name"/> is a valid PEP 508 project name (ASCII letters, digits, <c>._-</c>, alphanumeric at both ends).</summary>
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> is already in PEP 503 normal form (<see cref="Normalize"/> would return it unchanged).</summary>
    public static bool IsNormalized(string name)
    {
        var previousDash = false;
        foreach (var c in name)
        {
            if (c is '_' or '.' || char.IsAsciiLetterUpper(c) || (c == '-' && previousDash) || c > 127)
            {
                return false;
            }

            previousDash = c == '-';
        }

        return true;
    }
}
