using System.Text;

namespace Pyfleet.Fuzz;

/// <summary>
/// A small, deterministic mutator for the in-process smoke: bit flips, byte and token insertions (brackets,
/// quotes, NUL, invalid UTF-8, line breaks), deletions, duplication of a slice (deep nesting, long lines) and
/// splices of two seeds. Not a replacement for AFL++'s coverage guidance; it finds the shallow crashes fast.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> seeds, int seed)
{
    private static readonly byte[][] Tokens =
    [
        .. new[] { "[", "]", "{", "}", "[[", "\"", "'", "\"\"\"", "'''", "\\", "\n", "\r\n", "=", ":", ",", "#", "-r ", "-c ", "\\\n", "(", ")",
            " and ", " or ", ";", "@", "${A}", "&a ", "*a", "? ", "- ", "  ", "\t", "%(x)s", "1979-05-27T07:32:00Z", "1e308", "-0", "0x", "inf", "nan" }
            .Select(t => Encoding.UTF8.GetBytes(t)),
        [0], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ];

    private readonly Random _random = new(seed);
    private readonly IReadOnlyList<byte[]> _seeds = seeds.Count > 0 ? seeds : [[]];

    public byte[] Next()
    {
        var data = new List<byte>(_seeds[_random.Next(_seeds.Count)]);
        var rounds = 1 + _random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            Mutate(data);
        }

        return [.. data];
    }

    private void Mutate(List<byte> data)
    {
        var at = data.Count == 0 ? 0 : _random.Next(data.Count);
        switch (_random.Next(7))
        {
            case 0 when data.Count > 0:
                data[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                data.InsertRange(at, Tokens[_random.Next(Tokens.Length)]);
                break;
            case 2 when data.Count > 0:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(16)));
                break;
            case 3 when data.Count > 0:
                // Repeat a short slice many times: deep nesting, long lines, many entries.
                var length = Math.Min(data.Count - at, 1 + _random.Next(8));
                var slice = data.GetRange(at, length);
                var times = _random.Next(4) == 0 ? 2_000 + _random.Next(20_000) : 2 + _random.Next(64);
                data.InsertRange(at, Enumerable.Repeat(slice, times).SelectMany(s => s));
                break;
            case 4:
                var other = _seeds[_random.Next(_seeds.Count)];
                var from = other.Length == 0 ? 0 : _random.Next(other.Length);
                data.InsertRange(at, other.Skip(from).Take(1 + _random.Next(256)));
                break;
            case 5 when data.Count > 0:
                data.RemoveRange(at, data.Count - at); // truncation
                break;
            default:
                data.Insert(at, (byte)_random.Next(256));
                break;
        }
    }
}
