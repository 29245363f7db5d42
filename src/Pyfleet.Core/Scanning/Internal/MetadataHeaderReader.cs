using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>
/// Reads <c>Name</c> and <c>Version</c> from core metadata (<c>METADATA</c>, <c>PKG-INFO</c>) the way Python's
/// <c>email.parser</c> (compat32) sees the header block, reading only the bytes it needs: chunks of 4 KiB, never
/// more than <see cref="MaxHeaderBytes"/>, so a 1 GB junk file costs one small read.
/// Spec: https://packaging.python.org/en/latest/specifications/core-metadata/
/// </summary>
internal static class MetadataHeaderReader
{
    public const int MaxHeaderBytes = 64 * 1024;
    private const int ChunkBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the header of the file at <paramref name="path"/>; I/O errors propagate to the caller.</summary>
    public static MetadataHeader ReadFile(string path)
    {
        using SafeFileHandle handle = Pyfleet.Core.IO.RegularFile.Open(path);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxHeaderBytes);
        try
        {
            var filled = 0;
            while (true)
            {
                var wanted = Math.Min(ChunkBytes, MaxHeaderBytes - filled);
                var read = RandomAccess.Read(handle, buffer.AsSpan(filled, wanted), filled);
                filled += read;

                // Regular files return short reads only at the end.
                var endOfFile = read < wanted;
                var result = Parse(buffer.AsSpan(0, filled), endOfFile, out var needMore);
                if (!needMore)
                {
                    return result;
                }

                if (filled >= MaxHeaderBytes)
                {
                    return result with { Problem = $"no Name/Version in the first {MaxHeaderBytes / 1024} KiB of the metadata header; not read further" };
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a header already in memory (a zip entry, a test input).</summary>
    public static MetadataHeader Parse(ReadOnlySpan<byte> data) => Parse(data.Length > MaxHeaderBytes ? data[..MaxHeaderBytes] : data, complete: true, out _);

    private static MetadataHeader Parse(ReadOnlySpan<byte> data, bool complete, out bool needMore)
    {
        string? name = null, version = null;
        var latin1 = false;
        var position = 0;
        while (position < data.Length)
        {
            var rest = data[position..];
            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0 && !complete)
            {
                break; // an incomplete line: read the next chunk first
            }

            var line = newline < 0 ? rest : rest[..newline];
            position += newline < 0 ? rest.Length : newline + 1;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IndexOf((byte)0) >= 0)
            {
                needMore = false;
                return new MetadataHeader(name, version, "binary data (NUL bytes) in the metadata header");
            }

            if (line.IsEmpty)
            {
                // RFC 822: a blank line ends the header block; the rest is the description body.
                needMore = false;
                return Finish(name, version, latin1, "ends its header");
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                continue; // continuation of the previous header
            }

            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue; // compat32 records such lines as defects and goes on
            }

            var key = line[..colon];
            if (name is null && Ascii.EqualsIgnoreCase(key, "Name"u8))
            {
                name = Decode(line[(colon + 1)..], ref latin1);
            }
            else if (version is null && Ascii.EqualsIgnoreCase(key, "Version"u8))
            {
                version = Decode(line[(colon + 1)..], ref latin1);
            }

            if (name is not null && version is not null)
            {
                needMore = false;
                return Finish(name, version, latin1, null);
            }
        }

        needMore = !complete;
        return Finish(name, version, latin1, "ends");
    }

    private static MetadataHeader Finish(string? name, string? version, bool latin1, string? endedWhere)
    {
        string? problem = null;
        if (name is null || version is null)
        {
            var missing = name is null && version is null ? "Name and Version" : name is null ? "Name" : "Version";
            problem = $"metadata {endedWhere} without {missing} (truncated or not core metadata)";
        }
        else if (latin1)
        {
            problem = "non-UTF-8 bytes in the metadata header (read as Latin-1)";
        }

        return new MetadataHeader(name, version, problem);
    }

    private static string? Decode(ReadOnlySpan<byte> value, ref bool latin1)
    {
        value = value.Trim(" \t"u8);
        if (value.IsEmpty)
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            // Old PKG-INFO files are sometimes Latin-1; decode leniently rather than drop the package.
            latin1 = true;
            return Encoding.Latin1.GetString(value);
        }
    }
}
