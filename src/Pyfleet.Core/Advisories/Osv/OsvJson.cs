using System.Text.Json;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>OSV JSON in and out (snake_case, source-generated), for stores and bundles.</summary>
public static class OsvJson
{
    /// <summary>UTF-8 JSON of <paramref name="record"/>.</summary>
    public static byte[] Serialize(OsvRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, OsvJsonContext.Default.OsvRecord);

    /// <summary>Reads a record written by <see cref="Serialize"/>; throws <see cref="JsonException"/> on malformed input.</summary>
    public static OsvRecord Deserialize(ReadOnlySpan<byte> utf8Json) => OsvRecordJsonReader.Read(utf8Json);
}
