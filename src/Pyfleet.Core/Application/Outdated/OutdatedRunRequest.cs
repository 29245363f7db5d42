using Pyfleet.Core.Application.Inputs;
using Pyfleet.Core.Releases.Analysis;

namespace Pyfleet.Core.Application.Outdated;

/// <summary>One <c>outdated</c> run: the inputs, the Python to assume, and which upgrade kinds to report.</summary>
public sealed record OutdatedRunRequest
{
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public required InventorySourceOptions InputOptions { get; init; }

    /// <summary>The Python of environments that do not say (requirements files): gates Requires-Python, picks the EOL cycle.</summary>
    public string? Python { get; init; }

    /// <summary>Only this upgrade kind (<c>--kind</c>, <c>--security-only</c>); null: every package.</summary>
    public UpgradeKind? Kind { get; init; }
}
