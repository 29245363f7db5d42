using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;

namespace Pyfleet.Dashboard.Rendering;

/// <summary>
/// The findings the server's analysis keeps, and what that analysis had to judge with: without advisories an empty
/// list is "not checked", never "no known vulnerabilities", and every page says which it is.
/// </summary>
public sealed class FleetAnalysis(IFleetFindings findings, FleetService fleet)
{
    public IFleetFindings Findings => findings;

    public async Task<AnalysisCoverage> CoverageAsync(CancellationToken cancellationToken)
    {
        if (fleet.Analysis is not { } analysis)
        {
            return new AnalysisCoverage(false, false, null);
        }

        var data = (await analysis.CurrentAsync(cancellationToken)).Data;
        return new AnalysisCoverage(data.HasAdvisories, data.HasLifecycle, data.Version);
    }
}

/// <summary>Whether the analysis had advisories and an endoflife.date copy, and under which data version.</summary>
public sealed record AnalysisCoverage(bool Advisories, bool Lifecycle, string? Version)
{
    /// <summary>What a page says when it shows no vulnerability, or null when that absence means "none known".</summary>
    public string? AdvisoriesMissing => Advisories ? null
        : "No advisories are loaded on this server (run pyfleet sync into its store), so nothing here says whether these packages are vulnerable.";

    public string? LifecycleMissing => Lifecycle ? null
        : "No endoflife.date copy is loaded on this server (pyfleet eol sync), so end-of-life is not checked.";
}
