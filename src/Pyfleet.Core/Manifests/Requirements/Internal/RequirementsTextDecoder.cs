using System.Text;
using System.Text.RegularExpressions;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>
/// Picks the encoding of a requirements file the way pip's <c>utils/encoding.py auto_decode</c> does:
/// a byte-order mark wins; else a PEP 263 <c>coding[:=]</c> comment on one of the first two lines (lines
/// starting with <c>#</c>); else UTF-8 (FORMATS.md §3.1 step 1).
/// </summary>
internal static partial class RequirementsTextDecoder
{
    private static readonly (byte[] Bom, Encoding Encoding)[] Boms =
    [
        // UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)),
        ([0xEF, 0xBB, 0xBF], new UTF8Encoding(false, throwOnInvalidBytes: true)),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)),
    ];

    /// <summary>Strict UTF-8: a bad byte throws so the caller can fall back and warn.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Detects the encoding from the first bytes; returns how many BOM bytes to skip.</summary>
    public static (Encoding Encoding, int Skip, string? Declared) Detect(ReadOnlySpan<byte> head)
    {
        foreach (var (bom, encoding) in Boms)
        {
            if (head.StartsWith(bom))
            {
                return (encoding, bom.Length, null);
            }
        }

        // PEP 263: only the first two lines, and only comment lines.
        var rest = head;
        for (var i = 0; i < 2 && !rest.IsEmpty; i++)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            if (line.Length > 0 && line[0] == (byte)'#')
            {
                var match = CodingRegex().Match(Encoding.Latin1.GetString(line));
                if (match.Success)
                {
                    var name = match.Groups[1].Value;
                    return (Resolve(name) ?? StrictUtf8, 0, name);
                }
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return (StrictUtf8, 0, null);
    }

    private static Encoding? Resolve(string name)
    {
        var normalized = name.ToLowerInvariant().Replace('_', '-');
        if (normalized is "utf-8" or "utf8" or "utf-8-sig")
        {
            return StrictUtf8;
        }

        if (normalized is "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1")
        {
            return Encoding.Latin1;
        }

        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(normalized, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // Unknown names, and codecs .NET refuses (UTF-7 is disabled, SYSLIB0001): read as UTF-8, falling back to Latin-1.
            return null;
        }
    }

    [GeneratedRegex(@"coding[:=]\s*([-\w.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodingRegex();
}
