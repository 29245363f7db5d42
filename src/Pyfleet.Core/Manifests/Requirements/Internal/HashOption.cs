namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>Validates <c>--hash=algo:hexdigest</c> like pip's <c>cmdoptions._handle_merge_hash</c>, plus the digest length.</summary>
internal static class HashOption
{
    private static readonly Dictionary<string, int> HexLengths = new(StringComparer.Ordinal)
    {
        ["sha256"] = 64,
        ["sha384"] = 96,
        ["sha512"] = 128,
    };

    /// <summary>Returns pip's error (the whole line is rejected) or null; <paramref name="warning"/> for a digest pip would only reject at install time.</summary>
    public static string? Validate(string value, out string? warning)
    {
        warning = null;
        var colon = value.IndexOf(':');
        if (colon < 0)
        {
            return "Arguments to --hash must be a hash name followed by a value, like --hash=sha256:abcde...";
        }

        var algorithm = value[..colon];
        if (!HexLengths.TryGetValue(algorithm, out var length))
        {
            return "Allowed hash algorithms for --hash are sha256, sha384, sha512.";
        }

        var digest = value.AsSpan(colon + 1);
        if (digest.Length != length || !IsHex(digest))
        {
            warning = $"--hash {algorithm} digest must be {length} hexadecimal digits (got '{digest}'): pip accepts the line but every download will fail the hash check";
        }

        return null;
    }

    /// <summary>True when <paramref name="value"/> is a strong algorithm with a well-formed hex digest.</summary>
    public static bool IsWellFormed(string value) => Validate(value, out var warning) is null && warning is null;

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
