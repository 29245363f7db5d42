namespace Pyfleet.Core.Auditing;

/// <summary>The result of auditing one inventory document.</summary>
public sealed record AuditReport
{
    public required string Host { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public IReadOnlyList<EnvironmentAudit> Environments { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every open finding with its package and environment.</summary>
    public IEnumerable<(EnvironmentAudit Environment, PackageAudit Package, VulnerabilityFinding Finding)> OpenFindings =>
        from e in Environments from p in e.Packages from f in p.Vulnerabilities select (e, p, f);
}
