using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace Pyfleet.Core.Inventory;

/// <summary>
/// One string per distinct short JSON string value: a fleet inventory repeats the same names, versions, installers
/// and kinds hundreds of thousands of times, and sharing them keeps a read document small and the auditor's
/// per-(name, version) caches hot. Looked up from the reader's UTF-8 bytes without allocating; bounded, so a
/// hostile document of unique strings cannot grow it without limit.
/// </summary>
internal sealed class Utf8StringPool
{
    private const int MaxLength = 96;
    private const int MaxEntries = 200_000;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current string token's value, shared with earlier equal values.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var utf8 = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || utf8.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxLength];
        // Invalid UTF-8 goes the reader's own way (it raises the error the caller reports with a position).
        if (Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return reader.GetString()!;
        }

        var value = chars[..written];
        if (_lookup.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var created = new string(value);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created, created);
        }

        return created;
    }
}
