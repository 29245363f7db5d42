namespace Pyfleet.Core.Policy;

/// <summary>One rule firing at <c>path:line</c>.</summary>
public sealed record LintFinding(LintRule Rule, string Path, int? Line, string Message)
{
    public LintSeverity Severity => Rule.Severity;

    /// <summary><c>path:line: severity RULE: message</c>.</summary>
    public override string ToString() =>
        $"{Path}{(Line is { } l ? $":{l}" : "")}: {Severity.ToString().ToLowerInvariant()} {Rule.Id} ({Rule.Name}): {Message}";
}
