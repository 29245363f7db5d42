using System.Text.Json;
using System.Text.Json.Serialization;
using Pyfleet.Core.Errors;

namespace Pyfleet.Core.Inventory;

/// <summary>Reads and writes <see cref="InventoryDocument"/> as the stable JSON contract (camelCase, nulls written).</summary>
public static class InventoryJson
{
    public static string Serialize(InventoryDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, indented ? InventoryJsonContext.Indented.InventoryDocument : InventoryJsonContext.Default.InventoryDocument);

    /// <summary>
    /// Streams the document as UTF-8 JSON; compact (<paramref name="indented"/> false) for machines and storage.
    /// Written one environment at a time with the source-generated fast path (the async serializer cannot use
    /// it), flushing every 64 KiB, so a fleet-sized document is neither slow nor held in memory.
    /// </summary>
    public static async Task SerializeAsync(Stream stream, InventoryDocument document, CancellationToken cancellationToken = default, bool indented = true)
    {
        var context = InventoryJsonContext.Default;
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", document.SchemaVersion);
        writer.WritePropertyName("host");
        JsonSerializer.Serialize(writer, document.Host, context.HostInfo);
        writer.WritePropertyName("scannedAt");
        JsonSerializer.Serialize(writer, document.ScannedAt, context.DateTimeOffset);
        writer.WriteStartArray("environments");
        foreach (var environment in document.Environments)
        {
            JsonSerializer.Serialize(writer, environment, context.PythonEnvironment);
            if (writer.BytesPending > 1 << 16)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WritePropertyName("warnings");
        JsonSerializer.Serialize(writer, document.Warnings, context.IReadOnlyListScanWarning);
        writer.WritePropertyName("errors");
        JsonSerializer.Serialize(writer, document.Errors, context.IReadOnlyListInputError);
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Reads a document; a malformed one is a <see cref="PyfleetException"/> naming the file and line.</summary>
    public static InventoryDocument Deserialize(string json, string? path = null) =>
        Deserialize(System.Text.Encoding.UTF8.GetBytes(json), path);

    /// <summary>
    /// Reads a document from its UTF-8 bytes (a file's content, BOM allowed): no UTF-16 copy of a fleet-sized
    /// file. A malformed one is a <see cref="PyfleetException"/> naming the file and line. To handle environments
    /// one at a time, use <see cref="InventoryReader"/>.
    /// </summary>
    public static InventoryDocument Deserialize(ReadOnlyMemory<byte> utf8Json, string? path = null) =>
        InventoryReader.Open(utf8Json, path).ReadDocument();

    /// <summary>True when the file looks like an inventory document (starts with a JSON object naming schemaVersion).</summary>
    public static bool LooksLikeInventory(ReadOnlySpan<char> head) =>
        head.TrimStart().StartsWith("{") && head.Contains("\"schemaVersion\"", StringComparison.Ordinal) && head.Contains("\"environments\"", StringComparison.Ordinal);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InventoryDocument))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext
{
    private static InventoryJsonContext? _indented;

    public static InventoryJsonContext Indented => _indented ??= new InventoryJsonContext(new JsonSerializerOptions(Default.Options) { WriteIndented = true });
}
