namespace Pyfleet.Core.Policy;

/// <summary>How bad a lint finding is; SARIF <c>level</c> values use the same words.</summary>
public enum LintSeverity
{
    Note,
    Warning,
    Error,
}
