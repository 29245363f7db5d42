using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests;

/// <summary>What a <see cref="IManifestReader"/> returns: the declared environment and what went wrong on the way.</summary>
/// <param name="Environment">The manifest as a declared environment (Kind from <see cref="EnvironmentKinds"/>).</param>
/// <param name="Diagnostics">Warnings and errors with file and line; the rest of the file was still read.</param>
public sealed record ManifestReadResult(PythonEnvironment Environment, IReadOnlyList<ManifestDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == ManifestSeverity.Error);
}
