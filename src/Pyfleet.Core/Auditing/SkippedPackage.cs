namespace Pyfleet.Core.Auditing;

/// <summary>Something we cannot judge is a value, not an exception (pip-audit's <c>SkippedDependency</c>).</summary>
public sealed record SkippedPackage(string Name, string Reason);
