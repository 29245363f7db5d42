namespace Pyfleet.Core.Manifests;

/// <summary>A problem found while reading a manifest, located at <c>path:line</c>. Reading goes on after it.</summary>
/// <param name="Path">The file the problem is in (an included file when the problem is there).</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">What is wrong, worded for an operator.</param>
public sealed record ManifestDiagnostic(string Path, int? Line, ManifestSeverity Severity, string Message)
{
    /// <summary><c>path:line: severity: message</c>.</summary>
    public override string ToString() =>
        $"{Path}{(Line is { } line ? $":{line}" : "")}: {(Severity == ManifestSeverity.Error ? "error" : "warning")}: {Message}";
}
