using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Findings;
using Pyfleet.Dashboard.Rendering;

namespace Pyfleet.Dashboard.Pages.Advisories;

/// <summary>
/// <c>/advisories/{id}</c> (an advisory id or any alias, any case): what it says, how severe, which package versions
/// it affects in the fleet and what fixes each, the hosts, environments and labels affected, and which findings are
/// suppressed and why.
/// </summary>
public sealed class AdvisoryModel(FleetAnalysis analysis) : PageModel
{
    private const int Rows = 2000;

    public string Id { get; private set; } = "";

    public FleetFinding? First { get; private set; }

    public FindingsPage Result { get; private set; } = null!;

    public IReadOnlyList<FleetFinding> Open { get; private set; } = [];

    public IReadOnlyList<FleetFinding> Suppressed { get; private set; } = [];

    public IReadOnlyList<string> Hosts { get; private set; } = [];

    public IReadOnlyList<string> Labels { get; private set; } = [];

    public AnalysisCoverage Coverage { get; private set; } = null!;

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Id = id.Trim();
        Coverage = await analysis.CoverageAsync(cancellationToken);
        Result = await analysis.Findings.FindingsAsync(new FindingsFilter(Advisory: Id, IncludeSuppressed: true, Sort: "host", Descending: false, Limit: Rows), cancellationToken);
        if (Result.Total == 0)
        {
            throw FleetException.NotFound(Coverage.Advisories
                ? $"no host in the fleet is affected by '{Id}' (or no advisory has that id or alias)"
                : $"no advisories are loaded on this server, so '{Id}' cannot be looked up");
        }

        First = Result.Items[0];
        Open = Result.Items.Where(f => f.SuppressedBecause is null).ToList();
        Suppressed = Result.Items.Where(f => f.SuppressedBecause is not null).ToList();
        Hosts = Result.Items.Select(f => f.Host).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Labels = Result.Items.SelectMany(f => f.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
