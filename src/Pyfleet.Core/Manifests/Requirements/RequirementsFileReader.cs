using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>pip requirements files: <c>requirements*.txt</c>, <c>requirements/**/*.txt|*.in</c>, <c>*.in</c> inputs, <c>constraints*.txt</c>.</summary>
public sealed class RequirementsFileReader : IManifestReader
{
    private static readonly HashSet<string> RequirementsFolders = new(StringComparer.OrdinalIgnoreCase) { "requirements", "reqs", "requirements.d", "constraints" };

    // Files that live in a requirements/ folder but are not requirements (documentation, licences, pip-tools' own notes).
    private static readonly string[] NotRequirements = ["readme", "license", "licence", "changelog", "changes", "notice", "authors", "copying"];

    public string Name => "python/requirements";

    public string Kind => EnvironmentKinds.Requirements;

    /// <summary>
    /// Matches the names pip users give these files: <c>requirements.txt</c>, <c>requirements-dev.txt</c>,
    /// <c>dev-requirements.txt</c>, <c>requirements.in</c>, <c>constraints.txt</c>, <c>*.pip</c>, and any
    /// <c>.txt</c>/<c>.in</c> below a <c>requirements/</c> folder, however deep (<c>requirements/edx/base.in</c>).
    /// A <c>*.in</c> beside its compiled <c>*.txt</c> is recognised by the scanner, which sees the folder.
    /// </summary>
    public bool CanRead(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".pip", StringComparison.Ordinal))
        {
            return true;
        }

        if (!(name.EndsWith(".txt", StringComparison.Ordinal) || name.EndsWith(".in", StringComparison.Ordinal)))
        {
            return false;
        }

        if (name.Contains("requirement", StringComparison.Ordinal) || name.StartsWith("constraint", StringComparison.Ordinal))
        {
            return true;
        }

        return !Array.Exists(NotRequirements, n => name.StartsWith(n, StringComparison.Ordinal)) && InRequirementsFolder(path);
    }

    public ManifestReadResult Read(string path, ManifestReadOptions options, CancellationToken cancellationToken = default)
    {
        var document = RequirementsParser.Parse(path, options, cancellationToken);
        return new ManifestReadResult(document.ToEnvironment(), document.Diagnostics);
    }

    private static bool InRequirementsFolder(string path)
    {
        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (RequirementsFolders.Contains(Path.GetFileName(folder)))
            {
                return true;
            }
        }

        return false;
    }
}
