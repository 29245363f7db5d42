using Pyfleet.Core.Auditing;

namespace Pyfleet.Core.Reporting;

/// <summary>
/// Everything a whole-document audit report (CycloneDX, SARIF, HTML, Markdown) needs: each input with its host,
/// its environments as audited (and as inventoried, for the packages without findings), and when it was made.
/// Unlike the streamed JSON report these formats hold the audit whole (their sections need everything at once).
/// </summary>
public sealed record AuditDocument
{
    /// <summary>The date the audit judged as of (<c>--as-of</c>, else now).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>When the report was made (the injected clock).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public string ToolVersion { get; init; } = "0.0.0";

    public IReadOnlyList<AuditedInventory> Inventories { get; init; } = [];

    /// <summary>End-of-life verdicts to show beside the findings (HTML, Markdown), when they were evaluated.</summary>
    public IReadOnlyList<LifecycleRow> Lifecycle { get; init; } = [];

    /// <summary>The CycloneDX serial number; a new one per report when null.</summary>
    public Guid? SerialNumber { get; init; }

    /// <summary>Paths under this folder are written relative to it (SARIF <c>%SRCROOT%</c>); null: absolute.</summary>
    public string? SourceRoot { get; init; }

    /// <summary>Every environment of every inventory, in order.</summary>
    public IEnumerable<AuditedEnvironment> AllEnvironments => Inventories.SelectMany(i => i.Environments);

    /// <summary>The totals, counted from the environments.</summary>
    public AuditSummary Summary()
    {
        var summary = new AuditSummary();
        foreach (var environment in AllEnvironments)
        {
            summary.Add(environment.Audit);
        }

        return summary;
    }
}
