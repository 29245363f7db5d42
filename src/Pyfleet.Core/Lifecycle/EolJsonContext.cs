using System.Text.Json.Serialization;

namespace Pyfleet.Core.Lifecycle;

/// <summary>System.Text.Json source generation for the endoflife.date envelopes (camelCase, as the API spells it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(EolEnvelope<EolProduct>))]
[JsonSerializable(typeof(EolEnvelope<List<EolProduct>>))]
[JsonSerializable(typeof(EolProduct))]
internal sealed partial class EolJsonContext : JsonSerializerContext;

/// <summary>The v1 envelope: <c>schema_version</c>, <c>generated_at</c>, <c>result</c>.</summary>
internal sealed record EolEnvelope<T>
{
    [JsonPropertyName("schema_version")]
    public string? SchemaVersion { get; init; }

    public T? Result { get; init; }
}
