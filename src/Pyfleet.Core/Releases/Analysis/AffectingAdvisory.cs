namespace Pyfleet.Core.Releases.Analysis;

/// <summary>An advisory that affects one version of a package (what the advisories stage knows).</summary>
/// <param name="Id">Advisory id (<c>GHSA-…</c>, <c>PYSEC-…</c>, <c>CVE-…</c>).</param>
/// <param name="Summary">One-line summary, when known.</param>
public sealed record AffectingAdvisory(string Id, string? Summary = null);
