using Pyfleet.Core.IO;

namespace Pyfleet.Core.Manifests;

/// <summary>Inputs a manifest reader may need besides the file itself.</summary>
public sealed record ManifestReadOptions
{
    /// <summary>Default options: the process environment for <c>${VAR}</c> expansion.</summary>
    public static ManifestReadOptions Default { get; } = new();

    /// <summary>Looks up environment variables (pip expands <c>${VAR}</c> in requirements files).</summary>
    public Func<string, string?> GetEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>
    /// The folder relative local paths on requirement lines resolve against (pip uses its working directory);
    /// null means the folder of the file given to the reader.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How much of each file is read (size, line length, package count); see <see cref="InputLimits"/>.</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
}
