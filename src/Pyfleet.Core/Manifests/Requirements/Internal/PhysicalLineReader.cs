using System.Text;

namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>
/// Streams the lines of a text with Python's <c>str.splitlines()</c> semantics: <c>\n</c>, <c>\r</c>,
/// <c>\r\n</c>, <c>\v</c>, <c>\f</c>, <c>\x1c</c>–<c>\x1e</c>, <c>\x85</c>, U+2028 and U+2029 all end a line
/// (FORMATS.md §3.1 step 2). Never loads the whole file.
/// </summary>
internal sealed class PhysicalLineReader(TextReader reader)
{
    private readonly StringBuilder _line = new();

    /// <summary>The next line without its terminator, or null at the end.</summary>
    public string? ReadLine()
    {
        _line.Clear();
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                return _line.Length > 0 ? _line.ToString() : null;
            }

            var c = (char)next;
            if (c == '\r')
            {
                if (reader.Peek() == '\n')
                {
                    reader.Read();
                }

                return _line.ToString();
            }

            if (c is '\n' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                return _line.ToString();
            }

            _line.Append(c);
        }
    }
}
