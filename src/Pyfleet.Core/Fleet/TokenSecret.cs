using System.Security.Cryptography;
using System.Text;

namespace Pyfleet.Core.Fleet;

/// <summary>
/// Fleet token secrets: 256 random bits, shown once as <c>pft_</c> + base64url, stored only as their SHA-256 (a
/// salted slow hash buys nothing for a random 256-bit secret) and compared in constant time.
/// </summary>
public static class TokenSecret
{
    public const string Prefix = "pft_";
    private const int SecretBytes = 32;

    /// <summary>A new secret (43 base64url characters after the prefix).</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The SHA-256 of the secret's UTF-8 bytes: what the store keeps and looks up.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison of two hashes.</summary>
    public static bool HashesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);

    /// <summary>True when <paramref name="text"/> has the shape of a secret (checked before any lookup; never logged).</summary>
    public static bool LooksLikeSecret(string? text) =>
        text is { Length: > 20 and < 200 } && text.StartsWith(Prefix, StringComparison.Ordinal) && text.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlChars) < 0;

    private static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>The secret of an HTTP <c>Authorization: Bearer …</c> header value, or null for any other value.</summary>
    public static string? FromBearerHeader(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;
}
