using System.Text;

namespace Pyfleet.Core.Toml;

/// <summary>
/// Reads TOML 1.0.0 documents (https://toml.io/en/v1.0.0) into <see cref="TomlTable"/> trees with line numbers.
/// </summary>
/// <remarks>
/// Written here because no maintained TOML package is reachable from this project's NuGet source; it follows the
/// spec's grammar (toml.abnf) and its table-definition rules. TOML 1.1 escapes (<c>\e</c>, <c>\xHH</c>) are accepted.
/// </remarks>
public static class TomlParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> is used in error messages only.</summary>
    /// <exception cref="TomlException">The text is not valid TOML; the message names the line.</exception>
    public static TomlTable Parse(string text, string? path = null) => Parse(text, path, IO.InputLimits.Default.MaxNestingDepth);

    /// <summary>Parses with arrays and inline tables nested at most <paramref name="maxDepth"/> deep.</summary>
    public static TomlTable Parse(string text, string? path, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlDocumentReader(text, path, maxDepth).Read();
    }

    /// <summary>Reads and parses a UTF-8 file (a BOM is tolerated). Invalid UTF-8 is an error with its line.</summary>
    public static TomlTable ParseFile(string path) => ParseFile(path, IO.InputLimits.Default);

    /// <summary>Reads and parses a UTF-8 file within <paramref name="limits"/> (size and nesting depth).</summary>
    public static TomlTable ParseFile(string path, IO.InputLimits limits)
    {
        var bytes = IO.RegularFile.ReadAllBytes(path, limits.MaxManifestBytes);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(ex.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new TomlException("file is not valid UTF-8", path, line);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        return Parse(text, path, limits.MaxNestingDepth);
    }
}
