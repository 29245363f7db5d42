using Pyfleet.Core.Inventory;
using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Releases.Analysis;

/// <summary>Everything <c>pyfleet outdated</c> reports.</summary>
public sealed record OutdatedResult(DateOnly AsOf, string? HostOs, EolStatus? HostOsEol, IReadOnlyList<OutdatedEnvironment> Environments, IReadOnlyList<string> Warnings)
{
    /// <summary>What could not be checked (an input that could not be read, a project the index did not answer for).</summary>
    public IReadOnlyList<InputError> Errors { get; init; } = [];

    /// <summary>The host the inventory describes (for formats that name it: CycloneDX), when known.</summary>
    public HostInfo? Host { get; init; }
}
