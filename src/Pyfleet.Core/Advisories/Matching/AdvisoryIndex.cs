using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Advisories.Osv;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Advisories.Matching;

/// <summary>
/// The advisories compiled for matching, indexed by (ecosystem, normalised name). Withdrawn records (as of the
/// index date) and records published after it are left out; everything skipped while compiling is a warning.
/// </summary>
public sealed class AdvisoryIndex
{
    // Ecosystem → normalised name → rules (nested, not keyed by a tuple: a dictionary over a value-type key is
    // compiled at run time on every start, ReadyToRun cannot precompile it).
    private readonly Dictionary<string, Dictionary<string, List<AffectedRule>>> _rules;

    private AdvisoryIndex(Dictionary<string, Dictionary<string, List<AffectedRule>>> rules, IReadOnlyList<Advisory> advisories, IReadOnlyList<AdvisoryWarning> warnings)
    {
        _rules = rules;
        Advisories = advisories;
        Warnings = warnings;
    }

    /// <summary>Every reportable advisory in the index.</summary>
    public IReadOnlyList<Advisory> Advisories { get; }

    /// <summary>Ranges, events or entries that could not be used as written (never dropped silently).</summary>
    public IReadOnlyList<AdvisoryWarning> Warnings { get; }

    /// <summary>Number of (ecosystem, package) keys.</summary>
    public int PackageCount => _rules.Values.Sum(names => names.Count);

    /// <summary>Normalises a package name for <paramref name="ecosystem"/>: PEP 503 for PyPI, lower-case otherwise.</summary>
    public static string NormalizeName(string ecosystem, string name) =>
        ecosystem == "PyPI" ? PackageName.Normalize(name) : name.Trim().ToLowerInvariant();

    /// <summary>The rules for one package (empty when none).</summary>
    public IReadOnlyList<AffectedRule> RulesFor(string ecosystem, string normalizedName) =>
        _rules.TryGetValue(ecosystem, out var names) && names.TryGetValue(normalizedName, out var list) ? list : [];

    /// <summary>True when any advisory names a <c>Debian:N</c> ecosystem for this release.</summary>
    public bool HasEcosystem(string ecosystem) => _rules.ContainsKey(ecosystem);

    /// <summary>
    /// When a record became known, for <c>--as-of</c>: its <c>published</c> date; without one, its earliest known date
    /// (<c>modified</c>, or <c>withdrawn</c> when earlier), so an undated record never counts as known all along.
    /// </summary>
    public static DateTimeOffset KnownSince(OsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Published ?? (record.Withdrawn is { } withdrawn && withdrawn < record.Modified ? withdrawn : record.Modified);
    }

    /// <summary>Compiles <paramref name="records"/>; <paramref name="asOf"/> (when set) hides later publications (<see cref="KnownSince"/>) and withdrawals.</summary>
    public static AdvisoryIndex Build(IEnumerable<OsvRecord> records, DateTimeOffset? asOf = null)
    {
        var warnings = new List<AdvisoryWarning>();
        var latest = new Dictionary<string, OsvRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            // Later `modified` wins for the same id (FORMATS.md §6.1).
            if (!latest.TryGetValue(record.Id, out var existing) || record.Modified > existing.Modified)
            {
                latest[record.Id] = record;
            }
        }

        var reportable = latest.Values
            .Where(r => r.Withdrawn is null || (asOf is not null && r.Withdrawn > asOf))
            .Where(r => asOf is null || KnownSince(r) <= asOf)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new Advisory(r))
            .ToList();
        AliasClosure.Assign(reportable);

        var rules = new Dictionary<string, Dictionary<string, List<AffectedRule>>>(StringComparer.Ordinal);
        var versions = new VersionCache();
        var scores = new SeverityEvaluator.VectorScores();
        foreach (var advisory in reportable)
        {
            foreach (var affected in advisory.Record.Affected ?? [])
            {
                var rule = Compile(advisory, affected, versions, scores, warnings);
                if (rule is null)
                {
                    continue;
                }

                if (!rules.TryGetValue(rule.Ecosystem, out var names))
                {
                    rules[rule.Ecosystem] = names = new Dictionary<string, List<AffectedRule>>(StringComparer.Ordinal);
                }

                if (!names.TryGetValue(rule.Name, out var list))
                {
                    names[rule.Name] = list = [];
                }

                list.Add(rule);
            }
        }

        return new AdvisoryIndex(rules, reportable, warnings);
    }

    private static AffectedRule? Compile(Advisory advisory, OsvAffected affected, VersionCache cache, SeverityEvaluator.VectorScores scores, List<AdvisoryWarning> warnings)
    {
        if (affected.Package is not { Ecosystem: { Length: > 0 } ecosystem, Name: { Length: > 0 } name })
        {
            warnings.Add(new AdvisoryWarning(advisory.Id, "affected entry without package ecosystem/name skipped"));
            return null;
        }

        var scheme = EcosystemVersion.SchemeFor(ecosystem);
        if (scheme == VersionScheme.Debian && IsUnimportant(affected))
        {
            return null;
        }

        var ranges = new List<CompiledRange>();
        var fixedVersions = new List<string>();
        foreach (var range in affected.Ranges ?? [])
        {
            // GIT (commit graph) and SEMVER ranges are not evaluated by version here; keep going (never stop at
            // the first non-ECOSYSTEM range: the osv-scalibr bug named in STYLE.md).
            if (range.Type != "ECOSYSTEM")
            {
                continue;
            }

            ranges.Add(CompileRange(advisory, range, scheme, cache, fixedVersions, warnings));
        }

        var versions = (affected.Versions ?? []).Select(v => cache.Get(v, scheme)).ToList();
        if (ranges.Count == 0 && versions.Count == 0)
        {
            warnings.Add(new AdvisoryWarning(advisory.Id, $"{ecosystem}/{name}: no ECOSYSTEM range and no versions; cannot match by version"));
        }

        return new AffectedRule(advisory, ecosystem, NormalizeName(ecosystem, name), ranges, versions, fixedVersions,
            SeverityEvaluator.Evaluate(advisory.Record, affected, scores), AffectedRule.ReadLastKnownAffected(affected));
    }

    /// <summary>
    /// Policy: a Debian entry the security tracker rates <c>unimportant</c> (no security impact as Debian builds and
    /// configures the package; no fix will be shipped) is not reported — as osv-scanner and debsecan hide it by
    /// default. The converter copies the tracker urgency into <c>ecosystem_specific.urgency</c> (FORMATS.md §6.5),
    /// possibly with a <c>**</c> suffix when it was derived from NVD.
    /// </summary>
    internal static bool IsUnimportant(OsvAffected affected) =>
        affected.EcosystemSpecific is { ValueKind: System.Text.Json.JsonValueKind.Object } specific
        && specific.TryGetProperty("urgency", out var urgency)
        && urgency.ValueKind == System.Text.Json.JsonValueKind.String
        && urgency.GetString()!.TrimEnd('*').Trim().Equals("unimportant", StringComparison.OrdinalIgnoreCase);

    private static CompiledRange CompileRange(Advisory advisory, OsvRange range, VersionScheme scheme, VersionCache cache, List<string> fixedVersions, List<AdvisoryWarning> warnings)
    {
        var events = new List<RangeEvent>();
        var limits = new List<EcosystemVersion>();
        foreach (var e in range.Events ?? [])
        {
            if (e.Introduced is { } introduced)
            {
                events.Add(new RangeEvent(RangeEventKind.Introduced, introduced == "0" ? null : Parse(introduced)));
            }
            else if (e.Fixed is { } fixedAt)
            {
                events.Add(new RangeEvent(RangeEventKind.Fixed, Parse(fixedAt)));
                fixedVersions.Add(fixedAt);
            }
            else if (e.LastAffected is { } last)
            {
                events.Add(new RangeEvent(RangeEventKind.LastAffected, Parse(last)));
            }
            else if (e.Limit is { } limit && limit != "*")
            {
                limits.Add(Parse(limit));
            }
        }

        return new CompiledRange(events, limits);

        EcosystemVersion Parse(string text)
        {
            var version = cache.Get(text, scheme);
            if (!version.IsParsed && scheme != VersionScheme.Text)
            {
                warnings.Add(new AdvisoryWarning(advisory.Id, $"event version '{text}' is not valid {scheme}; compared as text"));
            }

            return version;
        }
    }

    /// <summary>
    /// One parsed (immutable) version per distinct text and scheme: the PyPI export lists 140,000 versions but only
    /// 12,000 distinct ones, so sharing them cuts compile time and the live heap every later collection walks.
    /// </summary>
    private sealed class VersionCache
    {
        private readonly Dictionary<string, EcosystemVersion>[] _versions =
            [.. Enum.GetValues<VersionScheme>().Select(_ => new Dictionary<string, EcosystemVersion>(StringComparer.Ordinal))];

        public EcosystemVersion Get(string text, VersionScheme scheme)
        {
            var versions = _versions[(int)scheme];
            if (!versions.TryGetValue(text, out var version))
            {
                versions[text] = version = EcosystemVersion.Create(text, scheme);
            }

            return version;
        }
    }
}
