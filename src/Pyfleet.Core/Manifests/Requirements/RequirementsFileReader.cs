using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>pip requirements files: <c>requirements*.txt</c>, <c>requirements/*.txt</c>, <c>*.in</c> inputs, <c>constraints*.txt</c>.</summary>
public sealed class RequirementsFileReader : IManifestReader
{
    public string Name => "python/requirements";

    public string Kind => EnvironmentKinds.Requirements;

    /// <summary>
    /// Matches the names pip users give these files: <c>requirements.txt</c>, <c>requirements-dev.txt</c>,
    /// <c>dev-requirements.txt</c>, <c>requirements.in</c>, <c>constraints.txt</c>, and any <c>.txt</c>/<c>.in</c>
    /// inside a <c>requirements/</c> folder.
    /// </summary>
    public bool CanRead(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (!(name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".in", StringComparison.Ordinal) || name.EndsWith(".pip", StringComparison.Ordinal)))
        {
            return false;
        }

        var parent = Path.GetFileName(Path.GetDirectoryName(path) ?? "").ToLowerInvariant();
        return name.Contains("requirement", StringComparison.Ordinal)
            || name.StartsWith("constraint", StringComparison.Ordinal)
            || parent is "requirements" or "reqs" or "requirements.d";
    }

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var document = RequirementsParser.Parse(path, options, cancellationToken);
        return new ManifestReadResult(document.ToEnvironment(), document.Diagnostics);
    }
}
