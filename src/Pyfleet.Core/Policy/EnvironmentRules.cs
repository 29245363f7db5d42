using Pyfleet.Core.Policy.Installed;
using Pyfleet.Packaging.Markers;
using Pyfleet.Packaging.Versions;

namespace Pyfleet.Core.Policy;

/// <summary>
/// Rules against an installed environment: completeness for <c>pip install --no-deps</c> (each pinned package's
/// <c>Requires-Dist</c>, markers evaluated for the target Python and the pin's extras, must be pinned too) and drift
/// (missing, different version, installed but undeclared).
/// </summary>
internal static class EnvironmentRules
{
    // pip freeze leaves these out too: they come with the environment, not with the application.
    private static readonly HashSet<string> Bootstrap = new(StringComparer.Ordinal) { "pip", "setuptools", "wheel", "distribute" };

    public static IEnumerable<LintFinding> Check(IReadOnlyList<LintInput> inputs, InstalledEnvironment environment, MarkerEnvironment markers)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => !i.IsLibrary))
        {
            var active = input.Entries.Where(e => !e.IsConstraint && CompletenessRules.Applies(e.Marker, markers)).ToList();
            var pinned = active.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            declared.UnionWith(pinned);
            foreach (var entry in active)
            {
                foreach (var finding in CheckEntry(entry, pinned, environment, markers))
                {
                    yield return finding;
                }
            }
        }

        foreach (var (name, distribution) in environment.Distributions)
        {
            if (!declared.Contains(name) && !Bootstrap.Contains(name))
            {
                yield return new LintFinding(LintRules.DriftExtra, distribution.MetadataPath, null, $"{name} {distribution.Version} is installed in {environment.Path} but declared in none of the files");
            }
        }
    }

    private static IEnumerable<LintFinding> CheckEntry(LintEntry entry, HashSet<string> pinned, InstalledEnvironment environment, MarkerEnvironment markers)
    {
        if (!environment.Distributions.TryGetValue(entry.Name, out var installed))
        {
            yield return new LintFinding(LintRules.DriftMissing, entry.Path, entry.Line, $"{entry.Name} is declared but not installed in {environment.Path}");
            yield break;
        }

        if (entry.Version is not null && !SameVersion(entry.Version, installed.Version))
        {
            yield return new LintFinding(LintRules.DriftVersion, entry.Path, entry.Line, $"{entry.Name} is pinned to {entry.Version} but {installed.Version} is installed");
        }

        foreach (var finding in CompletenessRules.Check(entry, installed.Version, installed.RequiresDist, pinned, markers, "Requires-Dist"))
        {
            yield return finding;
        }
    }

    private static bool SameVersion(string pinned, string installed) =>
        Pep440Version.TryParse(pinned, out var a) && Pep440Version.TryParse(installed, out var b) ? a == b : pinned == installed;
}
