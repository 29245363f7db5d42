using System.Text.Json;
using Json.Schema;

namespace Pyfleet.Core.Tests.Reporting;

/// <summary>
/// The official schemas, stored as fixtures and validated offline with JsonSchema.Net: CycloneDX 1.6
/// (CycloneDX/specification <c>schema/bom-1.6.schema.json</c> with the <c>spdx</c> and <c>jsf-0.82</c> schemas it
/// references, registered under their <c>$id</c> so the <c>$ref</c>s resolve without a network) and SARIF 2.1.0.
/// </summary>
internal static class JsonSchemas
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Reporting");
    private static readonly Lazy<(JsonSchema Schema, BuildOptions Options)> CycloneDxSchema = new(() => Load(
        Path.Combine(Fixtures, "CycloneDx", "bom-1.6.schema.json"),
        Path.Combine(Fixtures, "CycloneDx", "spdx.schema.json"),
        Path.Combine(Fixtures, "CycloneDx", "jsf-0.82.schema.json")));

    private static readonly Lazy<(JsonSchema Schema, BuildOptions Options)> SarifSchema = new(() => Load(Path.Combine(Fixtures, "Sarif", "sarif-schema-2.1.0.json")));

    /// <summary>The schema's errors for <paramref name="json"/>, one line each (empty when valid).</summary>
    public static IReadOnlyList<string> CycloneDx16(string json) => Validate(CycloneDxSchema.Value.Schema, json);

    public static IReadOnlyList<string> Sarif210(string json) => Validate(SarifSchema.Value.Schema, json);

    private static (JsonSchema, BuildOptions) Load(string main, params string[] referenced)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var path in referenced)
        {
            JsonSchema.FromText(File.ReadAllText(path), options);
        }

        return (JsonSchema.FromText(File.ReadAllText(main), options), options);
    }

    private static IReadOnlyList<string> Validate(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }
}
