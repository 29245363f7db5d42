namespace Pyfleet.Core.Reporting;

/// <summary>How a report is written, the same for every format (a format ignores what it has no use for).</summary>
public sealed record ReportOptions
{
    /// <summary>Indented for people (a terminal), compact for pipes (a fleet report runs to hundreds of MB indented).</summary>
    public bool Indented { get; init; } = true;

    /// <summary>Paths under this folder may be written relative to it (SARIF's <c>%SRCROOT%</c>); null: absolute.</summary>
    public string? SourceRoot { get; init; }

    /// <summary>Pyfleet's version, for formats that name their tool (SARIF, CycloneDX).</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>The clock's "now" for formats that stamp their output (CycloneDX metadata).</summary>
    public DateTimeOffset? GeneratedAt { get; init; }
}
