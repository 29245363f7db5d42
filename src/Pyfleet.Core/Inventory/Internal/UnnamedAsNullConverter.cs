using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pyfleet.Core.Inventory.Internal;

/// <summary>Writes <see cref="InventoryPackage.Unnamed"/> as JSON <c>null</c> and reads <c>null</c> back as it.</summary>
internal sealed class UnnamedAsNullConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? InventoryPackage.Unnamed : reader.GetString()!;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (value.Length == 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
