using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Pyfleet.Core.IO;

/// <summary>
/// A file's bytes mapped read-only into memory: a fleet-sized document is parsed in place, without a copy into a
/// 100 MB array (whose large-object allocation alone forces a full garbage collection). Valid until disposed.
/// </summary>
public sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedFile(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* pointer, int length)
    {
        _file = file;
        _view = view;
        _pointer = pointer;
        _length = length;
    }

    /// <summary>Maps <paramref name="path"/>; files over 2 GiB are refused (no document of ours is that large).</summary>
    public static MappedFile Open(string path)
    {
        using var stream = new FileStream(RegularFile.Open(path), FileAccess.Read, bufferSize: 1);
        if (stream.Length == 0)
        {
            return new MappedFile(null, null, null, 0);
        }

        if (stream.Length > int.MaxValue)
        {
            throw new IOException($"{path}: larger than 2 GiB");
        }

        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = file.CreateViewAccessor(0, stream.Length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        return new MappedFile(file, view, pointer + view.PointerOffset, (int)stream.Length);
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }
}
