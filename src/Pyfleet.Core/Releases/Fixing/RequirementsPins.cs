using Pyfleet.Core.Manifests.Requirements;

namespace Pyfleet.Core.Releases.Fixing;

/// <summary>The editable pins of a requirements file and the parsed document they came from.</summary>
/// <param name="File">The top-level file's lines and located pins.</param>
/// <param name="Document">The whole parse (includes, constraints, warnings).</param>
public sealed record RequirementsPins(PinnedFile File, RequirementsDocument Document)
{
    /// <summary>Files read through <c>-r</c>/<c>-c</c> that <c>fix</c> leaves untouched.</summary>
    public IEnumerable<string> IncludedFiles => Document.Files.Skip(1).Distinct(StringComparer.Ordinal);
}
