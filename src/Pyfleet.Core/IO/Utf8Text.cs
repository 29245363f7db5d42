using System.Text;

namespace Pyfleet.Core.IO;

/// <summary>UTF-8 checks that name the line of the first bad byte, for "file:line: not valid UTF-8".</summary>
public static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Null when <paramref name="bytes"/> is valid UTF-8, else the 1-based line of the first invalid byte.</summary>
    public static int? InvalidLine(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            Strict.GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            return 1 + bytes[..Math.Clamp(ex.Index, 0, bytes.Length)].Count((byte)'\n');
        }
    }
}
