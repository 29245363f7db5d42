namespace Pyfleet.Core.Policy;

/// <summary>A lint rule: stable id (<c>PF001</c>), short name (<c>unpinned</c>), default severity and what it checks.</summary>
public sealed record LintRule(string Id, string Name, LintSeverity Severity, string Description);
