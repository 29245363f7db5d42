using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Pyfleet.Cli.Tests.Outdated;

/// <summary>
/// Writes a minimal but valid pure-Python wheel (a zip with a package module and a .dist-info holding METADATA,
/// WHEEL and RECORD) so a real pip can install it with --no-index --find-links. No build backend involved.
/// Spec: https://packaging.python.org/en/latest/specifications/binary-distribution-format/
/// </summary>
internal static class WheelWriter
{
    public static string Write(string directory, string name, string version, string? requiresPython = null)
    {
        var module = name.ToLowerInvariant().Replace('-', '_');
        var distInfo = $"{module}-{version}.dist-info";
        var files = new List<(string Path, byte[] Content)>
        {
            ($"{module}/__init__.py", Encoding.UTF8.GetBytes($"__version__ = \"{version}\"\n")),
            ($"{distInfo}/METADATA", Encoding.UTF8.GetBytes(
                $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + (requiresPython is null ? "" : $"Requires-Python: {requiresPython}\n") + "Summary: test wheel written by Pyfleet tests\n")),
            ($"{distInfo}/WHEEL", Encoding.UTF8.GetBytes("Wheel-Version: 1.0\nGenerator: pyfleet-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n")),
        };
        var record = new StringBuilder();
        foreach (var (path, content) in files)
        {
            var digest = Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{path},sha256={digest},{content.Length}\n");
        }

        record.Append($"{distInfo}/RECORD,,\n");
        files.Add(($"{distInfo}/RECORD", Encoding.UTF8.GetBytes(record.ToString())));

        Directory.CreateDirectory(directory);
        var wheel = Path.Combine(directory, $"{module}-{version}-py3-none-any.whl");
        using (var zip = ZipFile.Open(wheel, ZipArchiveMode.Create))
        {
            foreach (var (path, content) in files)
            {
                // A fixed timestamp keeps the bytes (and so the sha256 the index reports) deterministic.
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return wheel;
    }
}
