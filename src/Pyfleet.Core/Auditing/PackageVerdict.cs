namespace Pyfleet.Core.Auditing;

/// <summary>What the advisories say about one (ecosystem, name, version), before suppressions; cached per run.</summary>
internal sealed record PackageVerdict(IReadOnlyList<VulnerabilityFinding> Findings, string? MinimalFix);
