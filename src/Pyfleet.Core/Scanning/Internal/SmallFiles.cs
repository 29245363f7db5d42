using System.Text;
using System.Text.Json;
using Pyfleet.Core.IO;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>Bounded reads of the small files next to the metadata (INSTALLER, direct_url.json, .pth, .egg-link).</summary>
internal static class SmallFiles
{
    public static readonly int MaxTextBytes = InputLimits.Default.MaxSmallFileBytes;

    /// <summary>The first line of a file, trimmed; null when the file is absent or empty.</summary>
    public static string? ReadFirstLine(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        int read;
        try
        {
            using var handle = RegularFile.Open(path);
            read = RandomAccess.Read(handle, buffer, 0);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        var data = buffer[..read];
        var newline = data.IndexOfAny((byte)'\n', (byte)'\r');
        if (newline >= 0)
        {
            data = data[..newline];
        }

        data = data.Trim(" \t"u8);
        return data.IsEmpty ? null : Encoding.UTF8.GetString(data);
    }

    /// <summary>A whole text file up to <see cref="MaxTextBytes"/>; null when absent. Longer files (and FIFOs, devices) are an <see cref="InputFileException"/>.</summary>
    public static string? ReadText(string path)
    {
        var bytes = ReadBytes(path);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes);
    }

    public static byte[]? ReadBytes(string path)
    {
        try
        {
            return RegularFile.ReadAllBytes(path, MaxTextBytes, "limits.max-small-file-bytes");
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>PEP 610 <c>direct_url.json</c>: the URL (credentials removed) and whether it is an editable install.</summary>
    /// <remarks>Spec: https://packaging.python.org/en/latest/specifications/direct-url-data-structure/</remarks>
    public static (string? Url, bool Editable) ParseDirectUrl(byte[] json)
    {
        if (Utf8Text.InvalidLine(json) is { } line)
        {
            throw new JsonException($"not valid UTF-8 (line {line})");
        }

        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = InputLimits.Default.MaxNestingDepth });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("direct_url.json is not a JSON object");
        }

        var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? RedactCredentials(u.GetString()) : null;
        var editable = root.TryGetProperty("dir_info", out var dir) && dir.ValueKind == JsonValueKind.Object
            && dir.TryGetProperty("editable", out var e) && e.ValueKind == JsonValueKind.True;
        return (url, editable);
    }

    /// <summary>Drops user info from a URL except the forms PEP 610 keeps (<c>git@</c>, <c>${VAR}</c>).</summary>
    public static string? RedactCredentials(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return url;
        }

        var userInfo = authority[..at];
        if (userInfo == "git" || (userInfo.StartsWith("${", StringComparison.Ordinal) && userInfo.EndsWith('}') && !userInfo.Contains(':')))
        {
            return url;
        }

        return string.Concat(url.AsSpan(0, authorityStart), authority.AsSpan(at + 1), authorityEnd < 0 ? "" : url.AsSpan(authorityEnd));
    }
}
