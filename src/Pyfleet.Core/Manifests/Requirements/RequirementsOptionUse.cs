namespace Pyfleet.Core.Manifests.Requirements;

/// <summary>A global option met in a requirements file (<c>--index-url</c>, <c>--find-links</c>, <c>--pre</c>, …).</summary>
/// <param name="Name">Canonical long spelling, e.g. <c>--index-url</c> for <c>-i</c>.</param>
/// <param name="Value">The option's argument (credentials redacted), or null for a flag.</param>
/// <param name="Path">The file it is in.</param>
/// <param name="Line">1-based line.</param>
public sealed record RequirementsOptionUse(string Name, string? Value, string Path, int Line);
