namespace Pyfleet.Core.Manifests;

/// <summary>How serious a <see cref="ManifestDiagnostic"/> is.</summary>
public enum ManifestSeverity
{
    /// <summary>Read, but worth a look (pip would warn, or we had to guess nothing and skipped something).</summary>
    Warning,

    /// <summary>The tool that installs from this file would reject this line or file.</summary>
    Error,
}
