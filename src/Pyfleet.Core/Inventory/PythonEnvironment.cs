namespace Pyfleet.Core.Inventory;

/// <summary>
/// One installed environment (venv, system site-packages, conda prefix, pyenv install) or one declared
/// environment (a requirements or lock file). <see cref="Kind"/> says which; see <see cref="EnvironmentKinds"/>.
/// </summary>
public sealed record PythonEnvironment
{
    /// <summary>Absolute path of the environment root, or of the manifest file for declared environments.</summary>
    public required string Path { get; init; }

    /// <summary>One of <see cref="EnvironmentKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The interpreter, when known (installed environments; declared ones may carry requires-python only).</summary>
    public PythonRuntime? Python { get; init; }

    /// <summary>Application or site names that use this environment (from config).</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<InventoryPackage> Packages { get; init; } = [];

    /// <summary>Declared environments only: constraints (<c>-c</c> files), reported apart from requirements.</summary>
    public IReadOnlyList<InventoryPackage> Constraints { get; init; } = [];

    /// <summary>
    /// What could not be read of this environment (a manifest line pip refuses, a corrupt lock file). An environment
    /// with errors is reported as "not checked" for what it misses; see <see cref="InputError"/>.
    /// </summary>
    public IReadOnlyList<InputError> Errors { get; init; } = [];
}
