using System.IO.Compression;
using System.Text.Json;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Testing.Data;

namespace Pyfleet.Core.Tests.Advisories;

/// <summary>The hand-written OSV record reader gives exactly what the source-generated deserializer gives.</summary>
public sealed class OsvRecordJsonReaderTests
{
    private static readonly string EveryProperty = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Advisories", "Osv", "every-property.json");

    [Fact]
    public void EveryRealRecord_ReadsAsTheDeserializerReadsIt()
    {
        using var archive = ZipFile.OpenRead(SharedData.OsvPyPIZip);
        var compared = 0;
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var upstream = buffer.ToArray();
            var expected = OsvJson.Serialize(JsonSerializer.Deserialize(upstream, OsvJsonContext.Default.OsvRecord)!);
            Assert.Equal(expected, OsvJson.Serialize(OsvRecordJsonReader.Read(upstream)));
            Assert.Equal(expected, OsvJson.Serialize(OsvRecordJsonReader.Read(expected)));
            compared++;
        }

        Assert.True(compared > 2000, $"only {compared} records compared");
    }

    [Fact]
    public void RecordWithEveryProperty_ReadsAsTheDeserializerReadsIt()
    {
        var json = File.ReadAllBytes(EveryProperty);
        var expected = JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord)!;
        Assert.Equal(OsvJson.Serialize(expected), OsvJson.Serialize(OsvRecordJsonReader.Read(json)));
    }

    [Fact]
    public void EveryPropertyFixture_SetsEveryPropertyOfTheRecordTypes()
    {
        // A property added to the records must be added to the fixture (and so to the reader) too.
        var record = OsvRecordJsonReader.Read(File.ReadAllBytes(EveryProperty));
        var affected = record.Affected![0];
        var range = affected.Ranges![0];
        AssertAllSet(record);
        AssertAllSet(affected);
        AssertAllSet(affected.Package!);
        AssertAllSet(affected.Severity![0]);
        AssertAllSet(range);
        var events = range.Events!;
        foreach (var property in typeof(OsvEvent).GetProperties())
        {
            Assert.Contains(events, e => property.GetValue(e) is not null);
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"modified\": \"2024-01-01T00:00:00Z\"}")]
    [InlineData("{\"id\": 5}")]
    [InlineData("{\"id\": \"X\", \"modified\": \"yesterday\"}")]
    [InlineData("{\"id\": \"X\", \"affected\": {}}")]
    [InlineData("{\"id\": \"X\"")]
    [InlineData("{\"id\": \"X\"} {}")]
    public void NotARecord_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => OsvRecordJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void NullsAndUnknownProperties_AreToleratedAsByTheDeserializer()
    {
        var json = """{"id":"X","summary":null,"aliases":null,"affected":[{"package":null,"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0","x":{"y":[1,2]}}]}]}],"zzz":[{}],}"""u8.ToArray();
        var expected = JsonSerializer.Deserialize(json, OsvJsonContext.Default.OsvRecord)!;
        Assert.Equal(OsvJson.Serialize(expected), OsvJson.Serialize(OsvRecordJsonReader.Read(json)));
    }

    private static void AssertAllSet(object value)
    {
        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            Assert.True(property.GetValue(value) is not null, $"{value.GetType().Name}.{property.Name} is not set by the fixture");
        }
    }
}
