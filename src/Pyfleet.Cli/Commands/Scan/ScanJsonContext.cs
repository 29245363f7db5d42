using System.Text.Json.Serialization;

namespace Pyfleet.Cli.Commands.Scan;

/// <summary>Source-generated JSON for the small values the scan command writes itself.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ScanJsonContext : JsonSerializerContext;
