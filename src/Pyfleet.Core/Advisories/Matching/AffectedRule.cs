using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Advisories.Osv;

namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// One <c>affected[]</c> entry compiled for matching: its ECOSYSTEM ranges and its enumerated versions. A version
/// is affected when it is in <see cref="Versions"/> OR inside any range (the union: OSV "Evaluation").
/// </summary>
public sealed class AffectedRule
{
    private readonly EcosystemVersion[] _versions;

    // Built on first use: matching goes through PackageMatcher, which reads the list; only the per-rule fallback
    // (an event that does not parse) asks for membership. A hash set per rule at build time cost a third of it.
    private HashSet<EcosystemVersion>? _versionSet;

    internal AffectedRule(Advisory advisory, string ecosystem, string name, IReadOnlyList<CompiledRange> ranges,
        IEnumerable<EcosystemVersion> versions, IReadOnlyList<string> fixedVersions, CvssScore severity, string? lastKnownAffected)
    {
        Advisory = advisory;
        Ecosystem = ecosystem;
        Name = name;
        Ranges = ranges;
        _versions = [.. versions];
        FixedVersions = fixedVersions;
        Severity = severity;
        LastKnownAffectedVersionRange = lastKnownAffected;
    }

    public Advisory Advisory { get; }
    public string Ecosystem { get; }

    /// <summary>Normalised name: PEP 503 for PyPI, lower-case source package for Debian.</summary>
    public string Name { get; }

    public IReadOnlyList<CompiledRange> Ranges { get; }
    /// <summary>The enumerated <c>versions</c>, as listed (equal versions such as 1.0 and 1.0.0 may both appear).</summary>
    public IReadOnlyList<EcosystemVersion> Versions => _versions;

    /// <summary>The <c>fixed</c> event versions as the record writes them, in range order.</summary>
    public IReadOnlyList<string> FixedVersions { get; }

    public CvssScore Severity { get; }

    /// <summary>
    /// GHSA's <c>database_specific.last_known_affected_version_range</c>, kept for display only. Policy
    /// <c>strict-events</c>: matching follows the events exactly as osv-scanner does, so an introduced-only range
    /// keeps every later version affected; this hint never narrows it.
    /// </summary>
    public string? LastKnownAffectedVersionRange { get; }

    /// <summary>True when <paramref name="version"/> is listed in <c>versions</c> or lies in an ECOSYSTEM range.</summary>
    public bool IsAffected(EcosystemVersion version) => InVersions(version) || InRanges(version);

    /// <summary>True when the enumerated <c>versions</c> list names <paramref name="version"/>.</summary>
    public bool InVersions(EcosystemVersion version) => (_versionSet ??= [.. _versions]).Contains(version);

    /// <summary>True when any ECOSYSTEM range contains <paramref name="version"/> (only meaningful when it parsed).</summary>
    public bool InRanges(EcosystemVersion version)
    {
        if (!version.IsParsed)
        {
            return false; // policy: an unparseable installed version is matched against versions[] only
        }

        foreach (var range in Ranges)
        {
            if (range.Contains(version))
            {
                return true;
            }
        }

        return false;
    }

    internal static string? ReadLastKnownAffected(OsvAffected affected) =>
        affected.DatabaseSpecific is { ValueKind: System.Text.Json.JsonValueKind.Object } ds
        && ds.TryGetProperty("last_known_affected_version_range", out var value)
        && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;
}
