namespace Pyfleet.Core.Releases.Analysis;

/// <summary>
/// The seam between upgrade analysis and advisory knowledge: which advisories affect a given version. The
/// analyser asks it for the installed version and for each candidate, so "minimal security fix" means the
/// smallest candidate that none of the installed version's advisories affect.
/// </summary>
public interface ISecurityFixSource
{
    /// <summary>Advisories affecting <paramref name="name"/> <paramref name="version"/> in <paramref name="ecosystem"/> (<c>PyPI</c>).</summary>
    IReadOnlyList<AffectingAdvisory> For(string ecosystem, string name, string version);
}
