using Pyfleet.Core.Inventory;

namespace Pyfleet.Core.Scanning.Internal;

/// <summary>An environment found by discovery: where it is, what it is, and its <c>sys.path</c> site folders in order.</summary>
internal sealed class EnvironmentCandidate
{
    public required string Path { get; init; }
    public required string Kind { get; init; }
    public PythonRuntime? Python { get; set; }

    /// <summary>Site folders (logical) in <c>sys.path</c> order; <c>Inherited</c> for base folders seen through <c>include-system-site-packages</c>.</summary>
    public List<(string Directory, bool Inherited)> SiteDirectories { get; } = [];

    /// <summary>The <c>conda-meta</c> folder (logical) of a conda prefix.</summary>
    public string? CondaMeta { get; init; }
}
