using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pyfleet.Core.Advisories.Sync;

/// <summary>Source-generated metadata for the bundle manifest.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonContext : JsonSerializerContext;
