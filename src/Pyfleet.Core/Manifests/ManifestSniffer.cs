using Pyfleet.Core.Inventory;
using Pyfleet.Core.Manifests.Internal;

namespace Pyfleet.Core.Manifests;

/// <summary>
/// Tells what a file is from its structure, not its name or first line: JSON by its top-level keys (Pipfile.lock
/// <c>_meta</c>, CycloneDX <c>bomFormat</c>, SPDX <c>spdxVersion</c>, an inventory's <c>schemaVersion</c>), TOML by
/// its tables and keys (uv.lock <c>version</c> + <c>[[package]]</c>, poetry.lock <c>content-hash</c> or Poetry's
/// <c>@generated</c> header, pdm.lock <c>[metadata]</c> <c>lock_version</c>, pylock <c>lock-version</c> +
/// <c>[[packages]]</c>, pyproject <c>[project]</c>/<c>[tool.poetry]</c>/<c>[build-system]</c>), INI by its sections
/// (buildout <c>[buildout]</c>/<c>[versions]</c>, setup.cfg <c>[options]</c>). Text that is none of these is a pip
/// requirements file; a structured file no reader knows, or binary data, is <see cref="SniffedFormat.Unknown"/>.
/// </summary>
public static class ManifestSniffer
{
    /// <summary>Sniffs the file at <paramref name="path"/>; I/O errors propagate.</summary>
    public static SniffedFormat Sniff(string path)
    {
        using var stream = IO.RegularFile.OpenRead(path, long.MaxValue); // a FIFO or device is refused, never opened blocking
        return Sniff(stream);
    }

    /// <summary>Sniffs <paramref name="stream"/> (read from its current position, at most <see cref="StructureSniffer.MaxBytes"/>).</summary>
    public static SniffedFormat Sniff(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = StructureSniffer.ReadText(stream, out var binary);
        if (text is null)
        {
            return new SniffedFormat(SniffedFormat.Unknown, null, binary ?? "not text");
        }

        return LooksLikeJson(text) ? JsonSniffer.Sniff(text) : StructureSniffer.Sniff(text);
    }

    /// <summary>The reader among <paramref name="readers"/> for <paramref name="format"/>, or null.</summary>
    public static IManifestReader? ReaderFor(SniffedFormat format, IReadOnlyList<IManifestReader> readers) =>
        format.Kind is null ? null : readers.FirstOrDefault(r => r.Kind == format.Kind);

    // An object, or an array of values ('[[package]]' and '[section]' are TOML/INI headers).
    private static bool LooksLikeJson(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("{"))
        {
            return true;
        }

        var inner = start.StartsWith("[") ? start[1..].TrimStart() : [];
        return !inner.IsEmpty && (inner[0] is '{' or '"' or ']' or '-' || char.IsAsciiDigit(inner[0]));
    }

    internal static SniffedFormat Manifest(string kind) => new(kind, kind, null);

    internal static SniffedFormat Requirements { get; } = Manifest(EnvironmentKinds.Requirements);
}
