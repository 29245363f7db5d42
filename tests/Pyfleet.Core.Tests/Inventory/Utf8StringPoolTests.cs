using System.Text;
using System.Text.Json;
using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Tests.Inventory;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void EqualValues_AreOneString_DifferentValuesAreNot()
    {
        var values = Read("""["django", "4.2.7", "django", "Django", "4.2.7", "requests"]""");
        Assert.Equal(["django", "4.2.7", "django", "Django", "4.2.7", "requests"], values);
        Assert.Same(values[0], values[2]);
        Assert.Same(values[1], values[4]);
        Assert.NotSame(values[0], values[3]);
    }

    [Fact]
    public void ManyDistinctValues_AllComeBackAsWritten()
    {
        // Enough to grow the table and its byte store several times.
        var written = Enumerable.Range(0, 50_000).Select(i => $"package-{i}-é").ToArray();
        var json = JsonSerializer.Serialize(written.Concat(written), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var values = Read(json);
        Assert.Equal(written.Concat(written), values);
        Assert.Same(values[123], values[written.Length + 123]);
    }

    [Fact]
    public void EscapedAndLongValues_AreDecodedNotPooledWrongly()
    {
        var longText = new string('x', 200);
        var values = Read($"""["a\"b", "a\"b", "{longText}", "\u00e9t\u00e9", "été"]""");
        Assert.Equal(["a\"b", "a\"b", longText, "été", "été"], values);
    }

    [Fact]
    public void InvalidUtf8_IsRefusedAsTheReaderRefusesIt()
    {
        byte[] json = [.. "[\"ok\", \""u8, 0xC3, 0x28, .. "\"]"u8];
        var pool = new Utf8StringPool();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        Assert.Equal("ok", pool.Get(ref reader));
        reader.Read();
        var failed = false;
        try
        {
            pool.Get(ref reader);
        }
        catch (InvalidOperationException)
        {
            failed = true;
        }

        Assert.True(failed);
    }

    private static List<string> Read(string json)
    {
        var pool = new Utf8StringPool();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var values = new List<string>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(pool.Get(ref reader));
        }

        return values;
    }
}
