using Microsoft.AspNetCore.Mvc.RazorPages;
using Pyfleet.Core.Fleet;
using Pyfleet.Core.Fleet.Views;
using Pyfleet.Packaging.Names;

namespace Pyfleet.Dashboard.Pages.Labels;

/// <summary>
/// <c>/labels/{label}</c>: the shared-venv view — which environments a site uses, on how many hosts — and, with
/// <c>?package=NAME</c>, what an upgrade of that package would touch: the environments of this label that hold it
/// and every other label those environments serve (all of them must be re-tested).
/// </summary>
public sealed class LabelModel(IFleetViews views) : PageModel
{
    private const int Rows = 300;

    public string Label { get; private set; } = "";

    public IReadOnlyList<EnvironmentUse> Environments { get; private set; } = [];

    public string? Package { get; private set; }

    public IReadOnlyList<PackageEnvironmentUse>? Impact { get; private set; }

    /// <summary>Every label the upgrade touches, this one included.</summary>
    public IReadOnlyList<string> Touched { get; private set; } = [];

    public async Task OnGetAsync(string label, string? package, CancellationToken cancellationToken)
    {
        Label = label;
        Environments = await views.LabelEnvironmentsAsync(label, Rows, cancellationToken);
        if (Environments.Count == 0)
        {
            throw FleetException.NotFound($"no environment in the hosts' latest snapshots carries the label '{label}'");
        }

        if (!string.IsNullOrWhiteSpace(package))
        {
            Package = PackageName.Normalize(package.Trim());
            Impact = await views.PackageEnvironmentsAsync(Package, label, Rows, cancellationToken);
            Touched = Impact.SelectMany(e => e.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
    }
}
