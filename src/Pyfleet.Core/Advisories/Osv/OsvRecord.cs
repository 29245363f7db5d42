using System.Text.Json;

namespace Pyfleet.Core.Advisories.Osv;

/// <summary>
/// One OSV record (schema 1.x, <see href="https://ossf.github.io/osv-schema/"/>). Only the fields matching and
/// reporting need are typed; <see cref="DatabaseSpecific"/> stays raw JSON.
/// </summary>
public sealed record OsvRecord
{
    /// <summary>SemVer of the schema; absent means 1.0.0 (FORMATS.md §6.1).</summary>
    public string? SchemaVersion { get; init; }

    public required string Id { get; init; }
    public DateTimeOffset Modified { get; init; }
    public DateTimeOffset? Published { get; init; }

    /// <summary>Present means retracted: kept in the store, never reported.</summary>
    public DateTimeOffset? Withdrawn { get; init; }

    public IReadOnlyList<string>? Aliases { get; init; }
    public IReadOnlyList<string>? Upstream { get; init; }
    public IReadOnlyList<string>? Related { get; init; }
    public string? Summary { get; init; }
    public string? Details { get; init; }
    public IReadOnlyList<OsvSeverity>? Severity { get; init; }
    public IReadOnlyList<OsvAffected>? Affected { get; init; }
    public JsonElement? DatabaseSpecific { get; init; }
}
