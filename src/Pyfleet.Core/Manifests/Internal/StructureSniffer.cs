using System.Text;
using System.Text.RegularExpressions;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests.Internal;

/// <summary>
/// Classifies TOML and INI files by their table/section headers and keys, line by line (no full parse: the
/// reader chosen parses the file properly and reports its errors). Text with neither is a requirements file.
/// </summary>
internal static partial class StructureSniffer
{
    /// <summary>Sniffing reads at most this much (a poetry.lock's <c>[metadata]</c> is at its end).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The file as text (BOM-aware, lenient UTF-8), or null for binary data (<paramref name="why"/> says so).</summary>
    public static string? ReadText(Stream stream, out string? why)
    {
        why = null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < MaxBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var (encoding, skip, _) = Requirements.Internal.RequirementsTextDecoder.Detect(bytes);
        if (skip == 0 && bytes.Contains((byte)0))
        {
            why = "binary data (NUL bytes and no UTF-16/UTF-32 byte-order mark): not a requirements or lock file";
            return null;
        }

        var lenient = encoding is UTF8Encoding ? new UTF8Encoding(false) : (Encoding)encoding.Clone();
        if (lenient is not UTF8Encoding)
        {
            lenient.DecoderFallback = DecoderFallback.ReplacementFallback;
        }

        return lenient.GetString(bytes[skip..]);
    }

    public static SniffedFormat Sniff(string text)
    {
        var shape = Shape.Read(text);
        if (shape.Generator.Contains("by Poetry", StringComparison.OrdinalIgnoreCase)
            || (shape.Tables.Contains("[package]") && shape.Keys.Contains("content-hash") && shape.Tables.Contains("metadata")))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.PoetryLock);
        }

        if (shape.Generator.Contains("by PDM", StringComparison.OrdinalIgnoreCase)
            || (shape.Tables.Contains("metadata") && (shape.Keys.Contains("lock_version") || shape.Keys.Contains("content_hash"))))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.PdmLock);
        }

        if (shape.TopKeys.Contains("lock-version"))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.PyLock);
        }

        if (shape.TopKeys.Contains("version") && (shape.Tables.Contains("[package]") || shape.TopKeys.Contains("requires-python")))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.UvLock);
        }

        if (shape.Tables.Contains("project") || shape.Tables.Contains("build-system") || shape.Tables.Contains("dependency-groups")
            || shape.Tables.Any(t => t.StartsWith("tool.", StringComparison.Ordinal)))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.Pyproject);
        }

        if (shape.Tables.Contains("buildout") || shape.Tables.Contains("versions") || shape.Tables.Any(t => t.StartsWith("versions:", StringComparison.Ordinal)))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.Buildout);
        }

        if (shape.Tables.Contains("options") || shape.Tables.Contains("metadata"))
        {
            return ManifestSniffer.Manifest(EnvironmentKinds.SetupCfg);
        }

        return shape.Structured
            ? new SniffedFormat(SniffedFormat.Unknown, null, "not checked: unknown format: TOML or INI sections of no requirements or lock format")
            : ManifestSniffer.Requirements;
    }

    // A table header "[a.b]" or "[[a]]" (array tables kept with one pair of brackets: "[a]"), comments allowed after.
    [GeneratedRegex(@"^\[(\[?)\s*([^\[\]#;]+?)\s*(\]?)\]\s*([#;].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();

    // "key = value" as TOML and INI write it; "==" (a pin) is not an assignment.
    [GeneratedRegex(@"^([A-Za-z0-9_.-]+|""[^""]*"")\s*[+-]?=(?!=)", RegexOptions.CultureInvariant)]
    private static partial Regex KeyRegex();

    private sealed class Shape
    {
        public HashSet<string> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public HashSet<string> TopKeys { get; } = new(StringComparer.Ordinal);
        public string Generator { get; private set; } = "";
        public bool Structured { get; private set; }

        public static Shape Read(string text)
        {
            var shape = new Shape();
            var number = 0;
            var significant = false;
            foreach (var raw in text.AsSpan().EnumerateLines())
            {
                number++;
                var line = raw.Trim();
                if (line.IsEmpty)
                {
                    continue;
                }

                if (line[0] is '#' or ';')
                {
                    if (number <= 3 && line.Contains("@generated", StringComparison.OrdinalIgnoreCase))
                    {
                        shape.Generator = line.ToString();
                    }

                    continue;
                }

                shape.Add(line.ToString(), raw.Length > 0 && char.IsWhiteSpace(raw[0]), ref significant);
            }

            return shape;
        }

        private void Add(string line, bool indented, ref bool significant)
        {
            var first = !significant;
            significant = true;
            var header = line[0] == '[' ? HeaderRegex().Match(line) : null;
            if (header is { Success: true })
            {
                var arrayTable = header.Groups[1].Length > 0 && header.Groups[3].Length > 0;
                Tables.Add(arrayTable ? $"[{header.Groups[2].Value}]" : header.Groups[2].Value.Replace(" ", "", StringComparison.Ordinal));
                Structured |= first;
                return;
            }

            var key = indented ? null : KeyRegex().Match(line);
            if (key is { Success: true })
            {
                var name = key.Groups[1].Value.Trim('"');
                Keys.Add(name);
                if (Tables.Count == 0)
                {
                    TopKeys.Add(name);
                }

                Structured |= first;
            }
        }
    }
}
