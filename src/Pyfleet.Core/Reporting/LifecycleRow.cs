using Pyfleet.Core.Lifecycle;

namespace Pyfleet.Core.Reporting;

/// <summary>One line of a report's end-of-life table: what (a package, an environment's Python, the host OS), where, and its verdict.</summary>
/// <param name="Subject">The package or product as the inventory names it (<c>django</c>, <c>Python</c>, <c>debian</c>).</param>
/// <param name="Version">The installed version, when known.</param>
/// <param name="Eol">The lifecycle verdict.</param>
/// <param name="Environment">The environment (or host) it was seen in.</param>
public sealed record LifecycleRow(string Subject, string? Version, EolStatus Eol, string Environment);
