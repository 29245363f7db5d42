namespace Pyfleet.Core.Policy;

/// <summary>The findings of one lint run, in file and line order, with disabled rules already removed.</summary>
public sealed record LintReport(IReadOnlyList<string> Files, IReadOnlyList<LintFinding> Findings)
{
    /// <summary>True when a finding has error severity (the CLI exits 1).</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == LintSeverity.Error);

    public int Count(LintSeverity severity) => Findings.Count(f => f.Severity == severity);
}
