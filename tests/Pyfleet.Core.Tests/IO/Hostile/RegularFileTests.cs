using System.Diagnostics;
using Pyfleet.Core.IO;

namespace Pyfleet.Core.Tests.IO.Hostile;

/// <summary>Issue 17: only regular files are opened, never a FIFO or a device, and reads are size-bounded.</summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyfleet-regular-").FullName;

    [Fact]
    public void Open_Fifo_IsRefusedWithoutWaitingForAWriter()
    {
        var fifo = Fifo("METADATA");

        var error = Assert.Throws<InputFileException>(() => RegularFile.Open(fifo).Dispose());

        Assert.Contains("FIFO", error.Message);
        Assert.Equal(fifo, error.Path);
    }

    [Fact]
    public void ReadAllBytes_DevZero_IsRefusedAsACharacterDevice()
    {
        var error = Assert.Throws<InputFileException>(() => RegularFile.ReadAllBytes("/dev/zero", 1024));

        Assert.Contains("character device", error.Message);
    }

    [Fact]
    public void Open_DanglingSymlink_IsFileNotFoundNamingTheLink()
    {
        var link = Path.Combine(_folder, "requirements.txt");
        File.CreateSymbolicLink(link, Path.Combine(_folder, "missing"));

        var error = Assert.Throws<FileNotFoundException>(() => RegularFile.Open(link).Dispose());

        Assert.Contains("dangling symbolic link", error.Message);
    }

    [Fact]
    public void Open_PathWithNul_IsAnInputFileException()
    {
        var error = Assert.Throws<InputFileException>(() => RegularFile.Open("foo\0bar").Dispose());

        Assert.Contains("NUL byte", error.Message);
    }

    [Fact]
    public void ReadAllBytes_OverTheLimit_NamesTheLimit()
    {
        var file = Path.Combine(_folder, "big.txt");
        File.WriteAllBytes(file, new byte[5000]);

        var error = Assert.Throws<InputFileException>(() => RegularFile.ReadAllBytes(file, 4096, "limits.test"));

        Assert.Contains("limits.test", error.Message);
        Assert.Equal(5000, RegularFile.ReadAllBytes(file, 5000).Length);
    }

    [Fact]
    public void OpenRead_StreamPastTheLimit_Fails()
    {
        var file = Path.Combine(_folder, "small.txt");
        File.WriteAllText(file, "0123456789");

        using var stream = RegularFile.OpenRead(file, 10);

        Assert.Equal("0123456789", new StreamReader(stream).ReadToEnd());
        Assert.Throws<InputFileException>(() => RegularFile.OpenRead(file, 9).Dispose());
    }

    [Fact]
    public void Exists_FifoAndFolder_AreNotRegularFiles()
    {
        var fifo = Fifo("pyvenv.cfg");
        var file = Path.Combine(_folder, "INSTALLER");
        File.WriteAllText(file, "pip");

        Assert.False(RegularFile.Exists(fifo));
        Assert.False(RegularFile.Exists(_folder));
        Assert.True(RegularFile.Exists(file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Fifo(string name)
    {
        var path = Path.Combine(_folder, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
