using System.Text.Json;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>One <c>affected[]</c> entry: a package, its ranges and its enumerated versions.</summary>
public sealed record OsvAffected
{
    public OsvPackage? Package { get; init; }
    public IReadOnlyList<OsvSeverity>? Severity { get; init; }
    public IReadOnlyList<OsvRange>? Ranges { get; init; }
    public IReadOnlyList<string>? Versions { get; init; }
    public JsonElement? EcosystemSpecific { get; init; }
    public JsonElement? DatabaseSpecific { get; init; }
}
