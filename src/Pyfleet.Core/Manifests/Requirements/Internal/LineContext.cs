namespace Pyfleet.Core.Manifests.Requirements.Internal;

/// <summary>Where a requirement line is and what pip would resolve relative paths against.</summary>
internal sealed record LineContext(string Path, int Line, bool IsConstraint, string WorkingDirectory, List<ManifestDiagnostic> Diagnostics)
{
    public void Warn(string message) => Diagnostics.Add(new ManifestDiagnostic(Path, Line, ManifestSeverity.Warning, message));

    public void Error(string message) => Diagnostics.Add(new ManifestDiagnostic(Path, Line, ManifestSeverity.Error, message));
}
