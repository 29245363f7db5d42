using Pyfleet.Core.IO;

namespace Pyfleet.Core.Tests.IO;

public sealed class MappedFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pyfleet-mapped-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Open_File_ExposesExactlyItsBytes()
    {
        var path = Path.Combine(_directory, "data.bin");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31)).ToArray();
        File.WriteAllBytes(path, bytes);

        using var mapped = MappedFile.Open(path);

        Assert.True(mapped.Memory.Span.SequenceEqual(bytes));
    }

    [Fact]
    public void Open_EmptyFile_IsEmptyMemory()
    {
        var path = Path.Combine(_directory, "empty");
        File.WriteAllBytes(path, []);

        using var mapped = MappedFile.Open(path);

        Assert.Equal(0, mapped.Memory.Length);
    }
}
