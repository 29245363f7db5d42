using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pyfleet.Testing.Releases;

/// <summary>
/// A project's release history rebuilt from the recorded release lists in shared/data/releases (real Django and
/// numpy versions and dates). Each version gets one wheel; Requires-Python comes from the cycle's recorded
/// <c>supportedPythonVersions</c> lower bound; tests add yanks and real wheel files on top.
/// </summary>
public sealed class RecordedProject
{
    public RecordedProject(string name) => Name = name;

    public string Name { get; }

    public List<RecordedFile> Files { get; } = [];

    public string? Status { get; set; }

    /// <summary>Serve files without hashes (a mirror that does not publish them).</summary>
    public bool NoHashes { get; set; }

    public static RecordedProject FromReleaseList(string name, string path, int maxVersions = int.MaxValue)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var gates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cycle in document.RootElement.GetProperty("releases").EnumerateObject())
        {
            if (cycle.Value.TryGetProperty("supportedPythonVersions", out var supported) && supported.GetString() is { } text)
            {
                var low = text.Split([' ', '-', '('], StringSplitOptions.RemoveEmptyEntries)[0];
                gates[cycle.Name] = ">=" + low;
            }
        }

        var project = new RecordedProject(name);
        foreach (var version in document.RootElement.GetProperty("versions").EnumerateObject().Take(maxVersions))
        {
            var cycle = string.Join('.', version.Name.Split('.').Take(2));
            var date = version.Value.TryGetProperty("date", out var d) && d.GetString() is { } ds
                ? DateTimeOffset.Parse(ds, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : (DateTimeOffset?)null;
            project.Add(version.Name, gates.GetValueOrDefault(cycle), date);
        }

        return project;
    }

    public RecordedFile Add(string version, string? requiresPython = null, DateTimeOffset? uploaded = null, byte[]? content = null)
    {
        var filename = $"{Name.Replace('-', '_')}-{version}-py3-none-any.whl";
        content ??= Encoding.UTF8.GetBytes($"{Name}-{version}");
        var file = new RecordedFile(filename, version, content, Convert.ToHexStringLower(SHA256.HashData(content)), requiresPython, uploaded);
        Files.RemoveAll(f => f.Filename == filename);
        Files.Add(file);
        return file;
    }

    public void Yank(string version, string reason)
    {
        foreach (var file in Files.Where(f => f.Version == version))
        {
            file.Yanked = reason;
        }
    }
}

/// <summary>One served file.</summary>
public sealed class RecordedFile(string filename, string version, byte[] content, string sha256, string? requiresPython, DateTimeOffset? uploaded)
{
    public string Filename { get; } = filename;
    public string Version { get; } = version;
    public byte[] Content { get; } = content;
    public string Sha256 { get; } = sha256;
    public string? RequiresPython { get; } = requiresPython;
    public DateTimeOffset? Uploaded { get; } = uploaded;

    /// <summary>Null = not yanked; "" = yanked without reason.</summary>
    public string? Yanked { get; set; }
}
