using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Requirements;

namespace Pyfleet.Core.Policy;

/// <summary>
/// The <c>pip install --no-deps</c> completeness rule (PF005): every dependency (<c>Requires-Dist</c>, markers
/// evaluated for the target Python and the pin's extras) of every pinned package must itself be declared. Shared by
/// the installed-environment source (<see cref="EnvironmentRules"/>) and any <see cref="IDependencyMetadataSource"/>.
/// </summary>
internal static class CompletenessRules
{
    /// <summary>PF005 for each of <paramref name="requiresDist"/> that applies and is not in <paramref name="declared"/>.</summary>
    public static IEnumerable<LintFinding> Check(LintEntry entry, string version, IEnumerable<string> requiresDist, IReadOnlySet<string> declared, MarkerEnvironment markers, string origin)
    {
        foreach (var text in requiresDist)
        {
            // An unparsable Requires-Dist is the distribution's problem, not the file's; pip would fail on it too.
            if (!Requirement.TryParse(text, out var dependency, out _))
            {
                continue;
            }

            if (dependency.Marker is { } marker && !marker.Evaluate(markers, entry.Extras))
            {
                continue;
            }

            if (!declared.Contains(dependency.NormalizedName))
            {
                yield return new LintFinding(LintRules.IncompleteForNoDeps, entry.Path, entry.Line, $"{entry.Name} {version} requires '{text}' ({origin}), which is not declared: pip install --no-deps would leave it out");
            }
        }
    }

    /// <summary>
    /// Checks every <c>==</c>/<c>===</c> pin of the deployment files against <paramref name="source"/>. Unpinned
    /// entries are skipped (PF001 already fires); a pin whose metadata is unknown gets one PF014 warning, never a pass.
    /// </summary>
    public static async Task<IReadOnlyList<LintFinding>> CheckAsync(IReadOnlyList<LintInput> inputs, IDependencyMetadataSource source, MarkerEnvironment markers, CancellationToken cancellationToken)
    {
        var work = new List<(LintEntry Entry, HashSet<string> Declared)>();
        foreach (var input in inputs.Where(i => !i.IsLibrary))
        {
            var active = input.Entries.Where(e => !e.IsConstraint && Applies(e.Marker, markers)).ToList();
            var declared = active.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            work.AddRange(active.Where(e => e.Version is not null).Select(e => (e, declared)));
        }

        // One request per distinct name==version, in parallel (the fetcher bounds concurrency).
        var lookups = work.Select(w => (w.Entry.Name, Version: w.Entry.Version!)).Distinct()
            .ToDictionary(k => k, k => source.GetRequiresDistAsync(k.Name, k.Version, cancellationToken));
        await Task.WhenAll(lookups.Values);

        var findings = new List<LintFinding>();
        foreach (var (entry, declared) in work)
        {
            var requiresDist = await lookups[(entry.Name, entry.Version!)];
            if (requiresDist is null)
            {
                findings.Add(new LintFinding(LintRules.ParseWarning, entry.Path, entry.Line, $"completeness for pip install --no-deps could not be checked: no metadata for {entry.Name}=={entry.Version} from {source.Description}"));
                continue;
            }

            findings.AddRange(Check(entry, entry.Version!, requiresDist, declared, markers, $"Requires-Dist from {source.Description}"));
        }

        return findings;
    }

    /// <summary>True when the entry's own marker holds (or cannot be parsed: then it is not silently dropped).</summary>
    public static bool Applies(string? marker, MarkerEnvironment environment) =>
        marker is null || !Marker.TryParse(marker, out var parsed, out _) || parsed.Evaluate(environment);
}
