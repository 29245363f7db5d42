namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>
/// What the analysis says about one distinct (name, version) pair: one advisory (its alias group merged, as
/// <c>audit</c> reports it) or one end-of-life cycle. Stored once per pair; every instance of the pair shares it.
/// </summary>
/// <remarks>
/// <para><c>Key</c>: Unique per pair: the advisory id, or <c>eol:PRODUCT@CYCLE</c>.</para>
/// <para><c>Kind</c>: One of <see cref="Findings.FindingKinds"/>.</para>
/// <para><c>Severity</c>: critical, high, medium, low or unknown.</para>
/// <para><c>FixedVersion</c>: The smallest fixed version above the installed one (for EOL: the cycle's latest release, when the installed one is older).</para>
/// </remarks>
public sealed record PairFinding(
    string Key,
    string Kind,
    string? AdvisoryId,
    IReadOnlyList<string> Aliases,
    string? Summary,
    string Severity,
    string? FixedVersion,
    DateOnly? EolDate)
{
    /// <summary>True when <paramref name="other"/> says the same (for "changed" items of a sync event).</summary>
    public bool SameAs(PairFinding other) =>
        other is not null && Key == other.Key && Kind == other.Kind && Summary == other.Summary && Severity == other.Severity
        && FixedVersion == other.FixedVersion && EolDate == other.EolDate && Aliases.SequenceEqual(other.Aliases);
}
