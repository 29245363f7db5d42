using System.Text.Json;

namespace Pyfleet.Core.Inventory;

/// <summary>
/// One string per distinct short JSON string value: a fleet inventory repeats the same names, versions, installers
/// and kinds hundreds of thousands of times, and sharing them keeps a read document small and the auditor's
/// per-(name, version) caches hot. Looked up by the reader's raw UTF-8 bytes (hashed with a per-process seed, so
/// a hostile document cannot aim at collisions), without decoding or allocating; only a new value is decoded.
/// Bounded, so a document of unique strings cannot grow it without limit.
/// </summary>
/// <remarks>
/// A hash table of its own rather than a dictionary's alternate lookup: that decoded every value to UTF-16 before
/// hashing it and went through comparer interfaces, a tenth of a fleet audit's CPU time.
/// </remarks>
internal sealed class Utf8StringPool
{
    private const int MaxLength = 96;
    private const int MaxEntries = 200_000;

    // Open addressing, linear probing, at most half full: slot → entry index + 1 (0 is empty).
    private int[] _slots = new int[1024];
    private Entry[] _entries = new Entry[512];

    // Every entry's UTF-8, back to back (compared by bytes: equal UTF-8 is equal text).
    private byte[] _utf8 = new byte[8 * 1024];
    private int _count;
    private int _utf8Length;

    /// <summary>The current string token's value, shared with earlier equal values.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var utf8 = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || utf8.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            ref var entry = ref _entries[_slots[slot] - 1];
            if (entry.Hash == hash && _utf8.AsSpan(entry.Offset, entry.Length).SequenceEqual(utf8))
            {
                return entry.Value;
            }
        }

        // Decoded by the reader: invalid UTF-8 raises the error the caller reports with a position.
        var value = reader.GetString()!;
        if (_count < MaxEntries)
        {
            Add(utf8, hash, value);
        }

        return value;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Add(ReadOnlySpan<byte> utf8, int hash, string value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        if (_utf8Length + utf8.Length > _utf8.Length)
        {
            Array.Resize(ref _utf8, Math.Max(_utf8.Length * 2, _utf8Length + utf8.Length));
        }

        utf8.CopyTo(_utf8.AsSpan(_utf8Length));
        _entries[_count] = new Entry(hash, _utf8Length, utf8.Length, value);
        _utf8Length += utf8.Length;
        _count++;
        if (_count * 2 > _slots.Length)
        {
            _slots = new int[_slots.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                Place(i);
            }
        }
        else
        {
            Place(_count - 1);
        }
    }

    private void Place(int index)
    {
        var mask = _slots.Length - 1;
        var slot = _entries[index].Hash & mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = index + 1;
    }

    private readonly record struct Entry(int Hash, int Offset, int Length, string Value);
}
