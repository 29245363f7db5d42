using System.Text;

namespace Pyfleet.Core.Tests.Scanning.Support;

/// <summary>A temporary folder tree written by a test (a fake root for <c>--root</c>, hostile layouts).</summary>
public sealed class TempTree : IDisposable
{
    public TempTree() => Root = Directory.CreateTempSubdirectory("pyfleet-tree-").FullName;

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative.TrimStart('/'));

    public TempTree File(string relative, string content) => Bytes(relative, Encoding.UTF8.GetBytes(content));

    public TempTree Bytes(string relative, byte[] content)
    {
        var path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return this;
    }

    public TempTree Folder(string relative)
    {
        Directory.CreateDirectory(this[relative]);
        return this;
    }

    /// <summary>A <c>.dist-info</c> as pip leaves it.</summary>
    public TempTree DistInfo(string site, string name, string version, string? installer = "pip") =>
        File($"{site}/{name.Replace('-', '_')}-{version}.dist-info/METADATA", $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nBody\n")
        .File($"{site}/{name.Replace('-', '_')}-{version}.dist-info/RECORD", "")
        .File($"{site}/{name.Replace('-', '_')}-{version}.dist-info/INSTALLER", installer is null ? "" : installer + "\n");

    /// <summary>A Debian-style egg-info folder (no <c>-pyX.Y</c>, no INSTALLER).</summary>
    public TempTree EggInfo(string site, string name, string version) =>
        File($"{site}/{name}-{version}.egg-info/PKG-INFO", $"Metadata-Version: 1.2\nName: {name}\nVersion: {version}\n");

    public TempTree Venv(string relative, string version = "3.11.2", bool systemSite = false, string home = "/usr/bin") =>
        File($"{relative}/pyvenv.cfg", $"home = {home}\ninclude-system-site-packages = {(systemSite ? "true" : "false")}\nversion = {version}\n")
        .Folder($"{relative}/lib/python{string.Join('.', version.Split('.').Take(2))}/site-packages");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
