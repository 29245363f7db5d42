using Pyfleet.Core.Policy.Installed;
using Pyfleet.Packaging.Markers;

namespace Pyfleet.Core.Policy;

/// <summary>
/// <c>pyfleet lint</c>'s engine: reads each file with the manifest readers and applies <see cref="LintRules"/>.
/// An unreadable file is a <see cref="Errors.PyfleetException"/>; a malformed line is a PF000 finding.
/// </summary>
public static class ManifestLinter
{
    public static LintReport Lint(IReadOnlyList<string> files, LintOptions options, CancellationToken cancellationToken = default)
    {
        var inputs = files.Select(f => LintInput.Read(f, options, cancellationToken)).ToList();
        var findings = inputs.SelectMany(i => FileRules.Check(i, options)).Concat(CrossFileRules.Check(inputs)).ToList();
        if (options.AgainstEnvironment is { } against)
        {
            var environment = InstalledEnvironment.Read(against);
            var python = options.PythonVersion ?? environment.PythonVersion ?? "3.12";
            findings.AddRange(EnvironmentRules.Check(inputs, environment, MarkerEnvironment.For(python)));
        }
        else if (options.DependencyMetadata is { } source)
        {
            // Lint is synchronous for its callers; the CLI has no synchronisation context, so blocking here is safe.
            var markers = MarkerEnvironment.For(options.PythonVersion ?? "3.12");
            findings.AddRange(CompletenessRules.CheckAsync(inputs, source, markers, cancellationToken).GetAwaiter().GetResult());
        }

        var disabled = options.Disabled.Select(d => LintRules.Find(d)?.Id ?? d).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = findings
            .Where(f => !disabled.Contains(f.Rule.Id))
            .DistinctBy(f => (f.Rule.Id, f.Path, f.Line, f.Message))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ToList();
        return new LintReport([.. inputs.Select(i => i.Path)], kept);
    }
}
