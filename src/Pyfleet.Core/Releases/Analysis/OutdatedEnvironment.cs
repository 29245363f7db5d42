using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Releases.Analysis;

/// <summary>One environment's results: its Python's lifecycle and each package.</summary>
public sealed record OutdatedEnvironment(string Path, string Kind, string? PythonVersion, EolStatus? PythonEol, IReadOnlyList<OutdatedPackage> Packages);
