using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Pyfleet.Core.Tests.Scanning.Support;

/// <summary>Writes real wheels (PEP 427 zips: module, METADATA, WHEEL, RECORD with urlsafe-base64 sha256) that pip installs offline.</summary>
internal static class WheelBuilder
{
    public static string Write(string directory, string name, string version, string? description = null)
    {
        var distribution = name.Replace('-', '_').Replace('.', '_');
        var module = distribution.ToLowerInvariant();
        var distInfo = $"{distribution}-{version}.dist-info";
        var files = new List<(string Path, string Content)>
        {
            ($"{module}/__init__.py", $"__version__ = \"{version}\"\n"),
            ($"{distInfo}/METADATA", $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nSummary: test package {name}\n\n{description ?? ""}\n"),
            ($"{distInfo}/WHEEL", "Wheel-Version: 1.0\nGenerator: pyfleet-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        };
        var record = new StringBuilder();
        foreach (var (path, content) in files)
        {
            var bytes = Encoding.UTF8.GetBytes(content);
            var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{path},sha256={hash},{bytes.Length}\n");
        }

        record.Append($"{distInfo}/RECORD,,\n");
        files.Add(($"{distInfo}/RECORD", record.ToString()));
        var wheel = Path.Combine(directory, $"{distribution}-{version}-py3-none-any.whl");
        using var archive = ZipFile.Open(wheel, ZipArchiveMode.Create);
        foreach (var (path, content) in files)
        {
            using var writer = new StreamWriter(archive.CreateEntry(path).Open(), new UTF8Encoding(false));
            writer.Write(content);
        }

        return wheel;
    }
}
