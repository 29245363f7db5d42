namespace Pyfleet.Core.Policy;

/// <summary>What <see cref="ManifestLinter"/> checks against.</summary>
public sealed record LintOptions
{
    /// <summary>Rule ids or names not to report.</summary>
    public IReadOnlyCollection<string> Disabled { get; init; } = [];

    /// <summary>Index URLs allowed in index options; empty means the index rule is off.</summary>
    public IReadOnlyList<string> AllowedIndexes { get; init; } = [];

    /// <summary>An installed environment (venv root or site-packages) for the no-deps completeness and drift rules.</summary>
    public string? AgainstEnvironment { get; init; }

    /// <summary>
    /// Dependency metadata for the no-deps completeness rule when <see cref="AgainstEnvironment"/> is not given (e.g. a
    /// package index); null means the rule is off without an environment.
    /// </summary>
    public IDependencyMetadataSource? DependencyMetadata { get; init; }

    /// <summary>Target Python (<c>3.11</c>) for marker evaluation; null means the environment's, else 3.12.</summary>
    public string? PythonVersion { get; init; }

    /// <summary>Environment variables for <c>${VAR}</c> in requirements files.</summary>
    public Func<string, string?> GetEnvironment { get; init; } = Environment.GetEnvironmentVariable;
}
