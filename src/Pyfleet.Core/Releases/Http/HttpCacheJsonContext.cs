using System.Text.Json.Serialization;

namespace Pyfleet.Core.Releases.Http;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CacheEntry))]
internal sealed partial class HttpCacheJsonContext : JsonSerializerContext;
