namespace Pyfleet.Core.Auditing;

/// <summary>The result of auditing one inventory document.</summary>
public sealed record AuditReport
{
    public required string Host { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public IReadOnlyList<EnvironmentAudit> Environments { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
