namespace Pyfleet.Core.Auditing;

/// <summary>A finding hidden by an active suppression (still listed in JSON so nothing disappears silently).</summary>
public sealed record SuppressedFinding(VulnerabilityFinding Finding, Suppression Suppression);
