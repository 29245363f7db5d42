namespace Pyfleet.Core.Application.Audit;

/// <summary>
/// A point in an audit run, for hosts that time it (<c>PYFLEET_TIMINGS=1</c>): a phase ended (<see cref="Elapsed"/>
/// null), or work beside the main thread took <see cref="Elapsed"/>.
/// </summary>
public readonly record struct AuditPhase(string Name, TimeSpan? Elapsed = null);
