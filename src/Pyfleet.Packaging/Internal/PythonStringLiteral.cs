using System.Globalization;
using System.Text;

namespace Pyfleet.Packaging.Internal;

/// <summary>Python string-literal escapes for quoted marker values.</summary>
internal static class PythonStringLiteral
{
    /// <summary>
    /// The value of a quoted marker string: packaging runs <c>ast.literal_eval</c> on it, so Python escapes apply.
    /// </summary>
    public static bool TryUnquote(string raw, out string value)
    {
        var body = raw.AsSpan(1, raw.Length - 2);
        if (body.IndexOf('\\') < 0)
        {
            value = body.ToString();
            return true;
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= body.Length)
            {
                value = string.Empty;
                return false;
            }

            var e = body[i];
            switch (e)
            {
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'v': builder.Append('\v'); break;
                case '\n': break;
                case 'x' or 'u' or 'U':
                    var width = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (body.Length - i - 1 < width
                        || !int.TryParse(body.Slice(i + 1, width), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || code < 0 || code > 0x10FFFF)
                    {
                        value = string.Empty;
                        return false;
                    }

                    builder.Append(code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    i += width;
                    break;
                case >= '0' and <= '7':
                    var octal = 0;
                    var digits = 0;
                    while (digits < 3 && i < body.Length && body[i] is >= '0' and <= '7')
                    {
                        octal = (octal * 8) + (body[i] - '0');
                        i++;
                        digits++;
                    }

                    i--;
                    builder.Append((char)octal);
                    break;
                default:
                    // Unknown escapes keep the backslash (Python warns but keeps both characters).
                    builder.Append('\\').Append(e);
                    break;
            }
        }

        value = builder.ToString();
        return true;
    }
}
