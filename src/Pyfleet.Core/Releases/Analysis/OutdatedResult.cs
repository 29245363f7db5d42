using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Releases.Analysis;

/// <summary>Everything <c>pyfleet outdated</c> reports.</summary>
public sealed record OutdatedResult(DateOnly AsOf, string? HostOs, EolStatus? HostOsEol, IReadOnlyList<OutdatedEnvironment> Environments, IReadOnlyList<string> Warnings);
