using System.Text.Json.Serialization;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>Source-generated System.Text.Json metadata for OSV (snake_case on the wire).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(OsvRecord))]
[JsonSerializable(typeof(OsvBatchQuery))]
[JsonSerializable(typeof(OsvBatchResponse))]
internal sealed partial class OsvJsonContext : JsonSerializerContext;
