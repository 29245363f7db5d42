namespace Pyfleet.Core.Fleet.Analysis;

/// <summary>Which data an analysis ran on: its version and whether advisories and EOL data were there at all.</summary>
public sealed record AnalysisVersion(string Version, bool AdvisoriesLoaded, bool LifecycleLoaded)
{
    public static AnalysisVersion Of(AnalysisData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(data.Version, data.HasAdvisories, data.HasLifecycle);
    }
}
