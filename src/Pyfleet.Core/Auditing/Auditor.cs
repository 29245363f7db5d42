using Pyfleet.Core.Advisories;
using Pyfleet.Core.Advisories.Cvss;
using Pyfleet.Core.Advisories.Matching;
using Pyfleet.Core.Auditing.Internal;
using Pyfleet.Core.Collections;
using Pyfleet.Core.Inventory;
using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Core.Auditing;

/// <summary>
/// Inventory + advisories → findings. Each package is judged by one ecosystem: a dpkg-owned module by
/// <c>Debian:N</c> (its source package and Debian version, N from the host's os-release), anything else, including a
/// pip copy that shadows a dpkg one, by <c>PyPI</c> (FORMATS.md §4.8). Verdicts are cached per
/// (ecosystem, name, version): fleets repeat the same pins thousands of times.
/// </summary>
public sealed class Auditor
{
    private readonly AdvisoryIndex _index;
    private readonly AuditOptions _options;
    private readonly DateOnly _today;
    private readonly Dictionary<IReadOnlyList<AffectedRule>, NameVerdicts> _verdicts = new(ReferenceEqualityComparer.Instance);
    // Per ecosystem: names written other than normalised (Django, PyYAML) → their package, or null when no advisory names it.
    private readonly Dictionary<string, Dictionary<string, NameVerdicts?>> _spellings = new(StringComparer.Ordinal);
    private readonly Dictionary<AffectedRule, VulnerabilityFinding> _singleRuleFindings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AffectedRule, int> _ruleIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, VulnerabilityFinding> _mergedFindings = new(StringComparer.Ordinal);
    private readonly Dictionary<IReadOnlyList<AffectedRule>, List<VulnerabilityFinding>> _findingsByMatch = new(ReferenceEqualityComparer.Instance);

    public Auditor(AdvisoryIndex index, AuditOptions options)
    {
        _index = index;
        _options = options;
        _today = DateOnly.FromDateTime(options.AsOf.UtcDateTime);
    }

    /// <summary>Audits every environment of <paramref name="document"/>.</summary>
    public AuditReport Audit(InventoryDocument document)
    {
        var host = Begin(document.Host);
        var environments = document.Environments.Select(host.Audit).ToList();
        return new AuditReport { Host = document.Host.Name, AsOf = _options.AsOf, Environments = environments, Warnings = host.Warnings };
    }

    /// <summary>
    /// Starts on the environments of one host, to be audited one at a time (a fleet document is never held
    /// whole): the host's Debian release decides how dpkg-owned modules are judged.
    /// </summary>
    public HostAudit Begin(HostInfo host)
    {
        var (ecosystem, missing) = DebianEcosystem(host);
        return new HostAudit(this, ecosystem, missing);
    }

    // The Debian ecosystem that judges dpkg-owned modules, or why there is none (said only if such a module is seen).
    private (string? Ecosystem, string? Missing) DebianEcosystem(HostInfo host)
    {
        if (DebianPackages.EcosystemOf(host) is not { } ecosystem)
        {
            return (null, null);
        }

        return _index.HasEcosystem(ecosystem)
            ? (ecosystem, null)
            : (null, $"no {ecosystem} advisories in the database: dpkg-owned modules are judged by PyPI (Debian backports fixes, so these may be false positives)");
    }

    internal EnvironmentAudit AuditEnvironment(PythonEnvironment environment, string? debianEcosystem, List<string> warnings)
    {
        // Built lazily: only lock files carry markers, installed environments never need a target.
        var target = new Lazy<MarkerEnvironment?>(() => _options.Target ?? (environment.Python is { } python ? SafeTarget(python.Version) : null));
        var packages = new List<PackageAudit>();
        var skipped = new List<SkippedPackage>();
        int checkedCount = 0, excluded = 0;
        foreach (var package in ReadOnlyListSpan.Of(environment.Packages))
        {
            if (package.Marker is { Length: > 0 } markerText && target.Value is { } environmentTarget && !MarkerApplies(markerText, environmentTarget, package, warnings))
            {
                excluded++;
                continue;
            }

            if (string.IsNullOrWhiteSpace(package.Version))
            {
                // MatchOutcome.UnknownVersion: neither silently safe nor silently vulnerable.
                skipped.Add(new SkippedPackage(package.Name, "no pinned or installed version"));
                continue;
            }

            checkedCount++;
            var audit = AuditPackage(environment, package, debianEcosystem);
            if (audit is not null)
            {
                packages.Add(audit);
            }
        }

        return new EnvironmentAudit
        {
            Path = environment.Path,
            Kind = environment.Kind,
            Labels = environment.Labels,
            PackagesChecked = checkedCount,
            PackagesExcludedByMarker = excluded,
            Packages = packages,
            Skipped = skipped,
            Errors = environment.Errors,
        };
    }

    private PackageAudit? AuditPackage(PythonEnvironment environment, InventoryPackage package, string? debianEcosystem)
    {
        string ecosystem, name, version;
        string? osPackage = null;
        if (package.OsPackage is { Manager: "dpkg" } os && debianEcosystem is not null)
        {
            (ecosystem, osPackage) = (debianEcosystem, os.Name);
            (name, version) = DebianPackages.SourceOf(os);
        }
        else
        {
            (ecosystem, name, version) = ("PyPI", package.Name, package.Version!);
        }

        NameVerdicts? entry;
        if (ecosystem == "PyPI" && PackageName.IsNormalized(name))
        {
            // Most names are written normalised: asked of the index directly, whose table of the names advisories
            // mention is small and stays in cache (a table per spelling grows with the fleet's distinct names,
            // most of which no advisory mentions, and every lookup in it missed the cache).
            entry = VerdictsFor(ecosystem, name);
        }
        else
        {
            // Other spellings are normalised once per distinct (ecosystem, spelling).
            var names = SpellingsIn(ecosystem);
            if (!names.TryGetValue(name, out entry))
            {
                names[name] = entry = VerdictsFor(ecosystem, AdvisoryIndex.NormalizeName(ecosystem, name));
            }
        }

        if (entry is null)
        {
            return null;
        }

        if (!entry.Verdicts.TryGetValue(version, out var verdict))
        {
            entry.Verdicts[version] = verdict = Judge(entry, version);
        }

        if (verdict.Findings.Count == 0)
        {
            return null;
        }

        // Without suppressions every occurrence shares the verdict's list (the JSON writer serialises it once).
        IReadOnlyList<VulnerabilityFinding> open = verdict.Findings;
        List<SuppressedFinding>? suppressed = null;
        if (_options.Suppressions.Count > 0)
        {
            (open, suppressed) = Suppress(verdict.Findings, environment, package, osPackage);
        }

        return new PackageAudit
        {
            Name = package.Name,
            Version = package.Version!,
            Location = package.Location,
            Origin = package.Origin,
            Source = ecosystem,
            OsPackage = osPackage,
            Vulnerabilities = open,
            Suppressed = (IReadOnlyList<SuppressedFinding>?)suppressed ?? [],
            MinimalFix = verdict.MinimalFix,
        };
    }

    // Apart from AuditPackage: its lambda would otherwise allocate a closure for every package audited.
    private (IReadOnlyList<VulnerabilityFinding> Open, List<SuppressedFinding> Suppressed) Suppress(
        IReadOnlyList<VulnerabilityFinding> findings, PythonEnvironment environment, InventoryPackage package, string? osPackage)
    {
        var suppressed = new List<SuppressedFinding>();
        var stillOpen = new List<VulnerabilityFinding>();
        foreach (var finding in findings)
        {
            var rule = _options.Suppressions.FirstOrDefault(s => s.IsActive(_today) && finding.IsNamed(s.Id)
                && (s.Package is null || AdvisoryIndex.NormalizeName("PyPI", s.Package) == package.Name || s.Package == osPackage)
                && (s.Environment is null || s.Environment == environment.Path || environment.Labels.Contains(s.Environment)));
            if (rule is null)
            {
                stillOpen.Add(finding);
            }
            else
            {
                suppressed.Add(new SuppressedFinding(finding, rule));
            }
        }

        return (suppressed.Count > 0 ? stillOpen : findings, suppressed);
    }

    // The verdicts of a package some advisory mentions (one per ecosystem and normalised name), else null.
    private NameVerdicts? VerdictsFor(string ecosystem, string normalizedName)
    {
        var rules = _index.RulesFor(ecosystem, normalizedName);
        if (rules.Count == 0)
        {
            return null;
        }

        if (!_verdicts.TryGetValue(rules, out var verdicts))
        {
            _verdicts[rules] = verdicts = new NameVerdicts(ecosystem, rules);
        }

        return verdicts;
    }

    private Dictionary<string, NameVerdicts?> SpellingsIn(string ecosystem)
    {
        if (!_spellings.TryGetValue(ecosystem, out var names))
        {
            _spellings[ecosystem] = names = new Dictionary<string, NameVerdicts?>(StringComparer.Ordinal);
        }

        return names;
    }

    private PackageVerdict Judge(NameVerdicts package, string versionText)
    {
        var ecosystem = package.Ecosystem;
        var scheme = package.Scheme;
        var version = EcosystemVersion.Create(versionText, scheme);
        var matched = package.Matcher.Match(version);
        if (matched.Count == 0)
        {
            return new PackageVerdict([], null);
        }

        // The matcher hands out one list per distinct answer: group, merge and order its findings once.
        if (!_findingsByMatch.TryGetValue(matched, out var findings))
        {
            _findingsByMatch[matched] = findings = matched.Count == 1
                ? [SingleRuleFinding(matched[0], ecosystem, scheme)]
                : matched
                    .GroupBy(r => r.Advisory.GroupKey, StringComparer.Ordinal)
                    .Select(g => g.Count() == 1 ? SingleRuleFinding(g.First(), ecosystem, scheme) : MergedFinding(g.Key, [.. g], ecosystem, scheme))
                    .ToList();
            findings.Sort(MostSevereFirst);
        }

        return new PackageVerdict(findings, package.FixFinder.Find(version)?.Raw);
    }

    // Most findings come from one record: build each once per run, not once per (package, version).
    private VulnerabilityFinding SingleRuleFinding(AffectedRule rule, string ecosystem, VersionScheme scheme)
    {
        if (!_singleRuleFindings.TryGetValue(rule, out var finding))
        {
            _singleRuleFindings[rule] = finding = Merge(rule.Advisory.GroupKey, [rule], ecosystem, scheme);
        }

        return finding;
    }

    // The same alias group matched by the same records recurs for every affected version: merge it once.
    private VulnerabilityFinding MergedFinding(string id, List<AffectedRule> rules, string ecosystem, VersionScheme scheme)
    {
        var key = new System.Text.StringBuilder(ecosystem).Append('|').Append(id);
        foreach (var rule in rules)
        {
            if (!_ruleIds.TryGetValue(rule, out var ruleId))
            {
                _ruleIds[rule] = ruleId = _ruleIds.Count;
            }

            key.Append(',').Append(ruleId);
        }

        var text = key.ToString();
        if (!_mergedFindings.TryGetValue(text, out var finding))
        {
            _mergedFindings[text] = finding = Merge(id, rules, ecosystem, scheme);
        }

        return finding;
    }

    private static VulnerabilityFinding Merge(string id, List<AffectedRule> rules, string ecosystem, VersionScheme scheme)
    {
        var aliases = rules.SelectMany(r => r.Advisory.AliasGroup).Where(a => a != id).Distinct().Order(StringComparer.Ordinal).ToList();
        var severity = rules[0].Severity;
        foreach (var rule in rules)
        {
            // The most severe rating, then the highest score; the first such in rule order.
            if (rule.Severity.Rating > severity.Rating || (rule.Severity.Rating == severity.Rating && (rule.Severity.Score ?? -1) > (severity.Score ?? -1)))
            {
                severity = rule.Severity;
            }
        }

        var fixedIn = rules.SelectMany(r => r.FixedVersions).Distinct()
            .Select(v => EcosystemVersion.Create(v, scheme)).Order().Select(v => v.Raw).ToList();
        var primary = rules.Find(r => r.Advisory.Id == id) ?? rules[0];
        return new VulnerabilityFinding
        {
            Id = id,
            Aliases = aliases,
            Summary = rules.Select(r => r.Advisory.Record.Summary ?? FirstLine(r.Advisory.Record.Details)).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
            Severity = severity,
            FixedIn = fixedIn,
            Source = ecosystem,
            LastKnownAffectedVersionRange = primary.LastKnownAffectedVersionRange,
            Cwes = CweIds.Of(rules.Select(r => r.Advisory.Record)),
            Published = primary.Advisory.Record.Published,
            Modified = primary.Advisory.Record.Modified,
        };
    }

    // Sorting with a comparison (not OrderBy on an enum key) also keeps this off the JIT: ReadyToRun cannot
    // pre-compile LINQ's sorters for value-type keys.
    private static int MostSevereFirst(VulnerabilityFinding a, VulnerabilityFinding b)
    {
        // As ints: Enum.CompareTo takes an object and boxes both ratings.
        var bySeverity = ((int)b.Severity.Rating).CompareTo((int)a.Severity.Rating);
        return bySeverity != 0 ? bySeverity : string.CompareOrdinal(a.Id, b.Id);
    }

    // Details run to pages: slice the first line, never split the whole text.
    private static string? FirstLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var end = text.IndexOf('\n');
        var line = (end < 0 ? text.AsSpan() : text.AsSpan(0, end)).Trim();
        return line.Length == 0 ? null : line.Length > 160 ? string.Concat(line[..157], "...") : line.ToString();
    }

    private MarkerEnvironment? SafeTarget(string pythonVersion)
    {
        try
        {
            return MarkerEnvironment.For(pythonVersion, _options.Platform);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static bool MarkerApplies(string markerText, MarkerEnvironment target, InventoryPackage package, List<string> warnings)
    {
        if (Marker.TryParse(markerText, out var marker, out var error))
        {
            return marker.Evaluate(target);
        }

        warnings.Add($"{package.Origin ?? package.Name}: marker '{markerText}' not understood ({error}); package audited anyway");
        return true;
    }

    /// <summary>
    /// One package that advisories mention: its rules compiled for matching and for minimal fixes (when first
    /// judged), and its verdicts per version text as written.
    /// </summary>
    private sealed class NameVerdicts(string ecosystem, IReadOnlyList<AffectedRule> rules)
    {
        private PackageMatcher? _matcher;
        private MinimalFixFinder? _fixFinder;

        public string Ecosystem { get; } = ecosystem;

        public VersionScheme Scheme { get; } = EcosystemVersion.SchemeFor(ecosystem);

        public Dictionary<string, PackageVerdict> Verdicts { get; } = new(StringComparer.Ordinal);

        public PackageMatcher Matcher => _matcher ??= new PackageMatcher(rules);

        public MinimalFixFinder FixFinder => _fixFinder ??= new MinimalFixFinder(rules, Scheme, Matcher);
    }
}
